using System.Diagnostics;
using AutoGrad.IO;
using AutoGrad.Runtime;
using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary>
/// How the command line fails: every mistake of the user's is exit code 2 and one message on
/// standard error, prefixed <c>autograd:</c>, never a stack trace; <c>info</c> names the BLAS
/// backend.
/// </summary>
[TestFixture]
public sealed class CliErrorTests
{
    private static void AssertUserError(CliRun run, string message)
    {
        Assert.That(run, Is.EqualTo(new CliRun(2, "", "autograd: " + message + "\n")));
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.StartWith("autograd: "));
        Assert.That(run.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [Test]
    public void Train_IterationsNotANumber_SaysAWholeNumberWithoutDotNetTypes()
    {
        CliRun run = CliRun.Of("train", "rica", "--iterations", "abc");

        Assert.That(run, Is.EqualTo(new CliRun(2, "",
            "autograd: Cannot parse argument 'abc' for option '--iterations' as a whole number.\n")));
    }

    [Test]
    public void Derive_SyntaxError_ShowsPlaceAndCaret()
    {
        CliRun run = CliRun.Of("derive", "x +", "--wrt", "x");

        AssertUserError(run, "expected a number, a name or '(', found the end of the text\n"
            + "  at line 1, column 4:\n"
            + "  x +\n"
            + "     ^");
    }

    [Test]
    public void Eval_SyntaxError_ShowsPlaceAndCaret()
    {
        CliRun run = CliRun.Of("eval", "a $ b", "--set", "a=1", "--set", "b=2");

        AssertUserError(run, "unexpected character '$' (U+0024)\n"
            + "  at line 1, column 3:\n"
            + "  a $ b\n"
            + "    ^");
    }

    [Test]
    public void Derive_ShapeError_NamesBothShapes()
    {
        CliRun run = CliRun.Of("derive", "sum(sum(A*A))", "--wrt", "A", "--shape", "A=3x4");

        AssertUserError(run, "inner dimensions differ in '*': left is 3x4, right is 3x4 "
            + "(4 columns against 3 rows); use '.*' for the elementwise product\n"
            + "  at line 1, column 10:\n"
            + "  sum(sum(A*A))\n"
            + "           ^");
    }

    [Test]
    public void Eval_ShapeErrorFromData_NamesBothShapes()
    {
        string folder = Path.Combine(TestPaths.SharedCases, "seed-3-ica-tied-weights");
        string data = Path.Combine(folder, "W.npy");

        CliRun run = CliRun.Of("eval", "sum(sum(W*W))", "--data", $"W={data}");

        AssertUserError(run, "inner dimensions differ in '*': left is 4x6, right is 4x6 "
            + "(6 columns against 4 rows); use '.*' for the elementwise product\n"
            + "  at line 1, column 10:\n"
            + "  sum(sum(W*W))\n"
            + "           ^");
    }

    [Test]
    public void Derive_MissingObjectiveFile_SaysWhichFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"autograd-missing-{Guid.NewGuid():N}.m");

        CliRun run = CliRun.Of("derive", "@" + path, "--wrt", "x");

        AssertUserError(run, $"cannot read the objective: no file '{path}'");
    }

    [Test]
    public void Eval_MissingDataFile_SaysWhichFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"autograd-missing-{Guid.NewGuid():N}.npy");

        CliRun run = CliRun.Of("eval", "sum(A(:))", "--data", $"A={path}");

        AssertNoStackTrace(run);
        Assert.That(run.Error, Does.StartWith($"autograd: cannot read '{path}': "));
    }

    [TestCase("abc")]
    [TestCase("1,5")]
    [TestCase("0x10")]
    public void Eval_BadSetNumber_QuotesIt(string number)
    {
        CliRun run = CliRun.Of("eval", "gamma*2", "--set", $"gamma={number}");

        AssertUserError(run, $"--set gamma= expects a number, got '{number}'");
    }

    [Test]
    public void Eval_SetWithoutValue_AsksForNameEqualsValue()
    {
        CliRun run = CliRun.Of("eval", "gamma*2", "--set", "gamma");

        AssertUserError(run, "--set expects NAME=VALUE, got 'gamma'");
    }

    [Test]
    public void Derive_BadShapeOption_ShowsTheForm()
    {
        CliRun run = CliRun.Of("derive", "sum(A(:))", "--wrt", "A", "--shape", "A=3by4");

        AssertUserError(run, "--shape A= expects ROWSxCOLS such as 8x5 or n x k, got '3by4'");
    }

    [Test]
    public void Derive_UnknownOption_IsUserError()
    {
        CliRun run = CliRun.Of("derive", "x^2", "--wrt", "x", "--frobnicate");

        AssertNoStackTrace(run);
        Assert.That(run.Error, Does.Contain("--frobnicate"));
    }

    [Test]
    public void UnknownCommand_IsUserError()
    {
        CliRun run = CliRun.Of("integrate", "x^2");

        AssertNoStackTrace(run);
        Assert.That(run.Error, Does.Contain("integrate"));
    }

    [Test]
    public void Derive_WithoutWrt_IsUserError()
    {
        CliRun run = CliRun.Of("derive", "x^2");

        AssertNoStackTrace(run);
        Assert.That(run.Error, Does.Contain("--wrt"));
    }

    [Test]
    public void Derive_WrtNotAVariable_ListsTheVariables()
    {
        CliRun run = CliRun.Of("derive", "x^2", "--wrt", "y");

        AssertUserError(run, "cannot differentiate with respect to 'y': "
            + "it is not a variable of the objective (its variables are x)");
    }

    [Test]
    public void Derive_ZeroSizeShape_IsUserError()
    {
        CliRun run = CliRun.Of("derive", "sum(A(:))", "--wrt", "A", "--shape", "A=0x3");

        AssertUserError(run, "'A' is given the shape 0x3, "
            + "but each size must be a whole number from 1 to 1073741824");
    }

    [Test]
    public void Eval_WrtNameBoundAsConstant_SaysItIsNotAVariable()
    {
        CliRun run = CliRun.Of("eval", "x^2", "--set", "x=3", "--wrt", "x");

        AssertUserError(run, "cannot differentiate with respect to 'x': it is not a variable of "
            + "the objective (it has no variables; a name bound as a constant is not one)");
    }

    [Test]
    public void Derive_SameWrtNameTwice_PrintsItOnce()
    {
        CliRun run = CliRun.Of("derive", "x^2", "--wrt", "x,x", "--wrt", "x");

        Assert.That(run, Is.EqualTo(new CliRun(0, "d/dx = 2*x\n", "")));
    }

    [Test]
    public void Eval_OutFolderIsAFile_IsUserError()
    {
        string file = Path.GetTempFileName();
        string data = Path.Combine(TestPaths.SharedCases, "seed-3-ica-tied-weights", "W.npy");
        try
        {
            CliRun run = CliRun.Of("eval", "sum(W(:))", "--data", $"W={data}",
                "--wrt", "W", "--out", file);

            AssertNoStackTrace(run);
            Assert.That(run.Error, Does.Contain(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Eval_UnknownName_IsUserError()
    {
        CliRun run = CliRun.Of("eval", "gamma*2");

        AssertUserError(run, "unknown name 'gamma': declare it (e.g. gamma: n x k), "
            + "bind data to it, or bind it as a scalar\n"
            + "  at line 1, column 1:\n"
            + "  gamma*2\n"
            + "  ^^^^^");
    }

    [Test]
    public void Eval_TooDeepText_IsUserError()
    {
        string text = new string('(', 10_000) + "1" + new string(')', 10_000);

        CliRun run = CliRun.Of("eval", text);

        AssertNoStackTrace(run);
        Assert.That(run.Error, Does.StartWith(
            "autograd: parentheses and calls nest deeper than 256 levels"));
    }

    [Test]
    public void Help_ListsTheCommands()
    {
        CliRun run = CliRun.Of("--help");

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((0, "")));
        Assert.That(run.Output, Does.Contain("derive").And.Contain("eval").And.Contain("info"));
    }

    [Test]
    public void NoCommand_IsUserError()
    {
        CliRun run = CliRun.Of();

        AssertNoStackTrace(run);
    }

    [Test]
    public void Info_NamesTheBlasBackend()
    {
        CliRun run = CliRun.Of("info");

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((0, "")));
        Assert.That(run.Output, Does.Contain($"blas: {Blas.BackendName}"));
        Assert.That(Blas.BackendName, Is.AnyOf("openblas", "managed"));
    }

    // A chain of short statements passes every limit of the parser, yet its graph is as deep as
    // the chain is long. Run in a child process: a stack overflow cannot be caught and would end
    // the test run.
    [Test]
    public void Eval_LongChainOfAssignments_EndsWithValueOrMessage_NotACrash()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"autograd-chain-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string objective = Path.Combine(folder, "chain.m");
            File.WriteAllText(objective, string.Concat(Enumerable.Range(1, 40_000)
                .Select(i => $"a{i}=tanh({(i == 1 ? "x" : $"a{i - 1}")});")) + "a40000\n");
            string data = Path.Combine(folder, "x.npy");
            Npy.Write(data, [0.5], 1, 1);

            var (code, error) = RunChild("eval", "@" + objective, "--data", $"x={data}",
                "--wrt", "x", "--out", folder);

            Assert.That(code, Is.AnyOf(0, 2), error);
            Assert.That(error, Does.Not.Contain("Stack overflow"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Code, string Error) RunChild(params string[] args)
    {
        string cli = Path.Combine(TestContext.CurrentContext.TestDirectory, "autograd.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error);
    }
}
