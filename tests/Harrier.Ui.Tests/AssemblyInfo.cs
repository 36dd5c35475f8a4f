// One browser and one server process serve every test, one test at a time: a 2-core machine shared with the other
// suites stays responsive, and timings (first load) are not skewed by a neighbour test.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
