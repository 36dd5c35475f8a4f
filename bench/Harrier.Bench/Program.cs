// The benchmark harness arrives with the benchmark issue; this entry point keeps the project buildable.
return 0;
