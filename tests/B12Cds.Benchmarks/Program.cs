using B12Cds.Benchmarks;
using BenchmarkDotNet.Running;

// "profile <input> <parse|extract|both> <iterations>" runs one operation in a loop without BenchmarkDotNet, for
// instruction counts under valgrind --tool=callgrind (stable where timings on a shared machine are not).
// "profile cards <create|write|both> <iterations>" does the same for building the cards and writing the response;
// "dump-cards <folder>" writes every sample's response there, to compare two builds byte for byte.
if (args is ["profile", "cards", var cardOperation, var cardIterations])
{
    return CardDriver.Run(cardOperation, int.Parse(cardIterations, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["dump-cards", var folder])
{
    return CardDriver.Dump(folder);
}

if (args is ["profile", var input, var operation, var iterations])
{
    return ProfileDriver.Run(input, operation, int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
