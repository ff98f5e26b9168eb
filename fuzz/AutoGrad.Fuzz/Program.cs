using AutoGrad.Fuzz;
using SharpFuzz;

// AutoGrad.Fuzz                 AFL++ mode: afl-fuzz runs it, inputs arrive through SharpFuzz.
// AutoGrad.Fuzz --libfuzzer     libFuzzer mode, under the libfuzzer-dotnet driver.
// AutoGrad.Fuzz FILE...         runs each file once: reproduces a crash, checks a corpus.
if (args is ["--libfuzzer"])
{
    Fuzzer.LibFuzzer.Run(data => FuzzTarget.Run(data));
    return 0;
}
if (args.Length > 0)
{
    foreach (string path in args)
    {
        FuzzTarget.Run(File.ReadAllText(path));
        Console.WriteLine($"ok {path}");
    }
    return 0;
}
Fuzzer.OutOfProcess.Run(stream => FuzzTarget.Run(stream));
return 0;
