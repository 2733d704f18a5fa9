using B12Cds.Benchmarks;
using BenchmarkDotNet.Running;

// "profile <input> <parse|extract|both> <iterations>" runs one operation in a loop without BenchmarkDotNet, for
// instruction counts under valgrind --tool=callgrind (stable where timings on a shared machine are not).
if (args is ["profile", var input, var operation, var iterations])
{
    return ProfileDriver.Run(input, operation, int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
