global using Harrier.TestKit.Support;
global using Xunit;
