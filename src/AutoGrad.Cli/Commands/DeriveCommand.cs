using System.CommandLine;
using AutoGrad.Syntax;

namespace AutoGrad.Cli.Commands;

/// <summary><c>autograd derive OBJECTIVE --wrt NAME[,NAME...] [--shape NAME=RxC]...</c></summary>
internal static class DeriveCommand
{
    public static Command Create(TextWriter output)
    {
        var objective = CommonOptions.Objective();
        var wrt = CommonOptions.Wrt("Variables to differentiate, comma-separated.", required: true);
        var shapes = new Option<string[]>("--shape")
        {
            Description = "A variable's shape, NAME=RxC (e.g. A=8x5 or A=n x k).",
        };
        var hessian = new Option<bool>("--hessian")
        {
            Description = "Print the Hessian with respect to each (column) variable instead.",
        };
        var command = new Command("derive", "Print the gradient of an objective as formulas.")
        {
            objective, wrt, shapes, hessian,
        };
        command.SetAction(parsed =>
        {
            var options = new ObjectiveOptions { UndeclaredAreScalars = true };
            foreach (var (name, value) in Arguments.Pairs(parsed.GetValue(shapes), "--shape"))
            {
                // --shape n=3 fixes a named size; --shape A=8x5 gives a variable's shape.
                if (int.TryParse(value, out int size) && size >= 1)
                {
                    options.Constants[name] = size;
                    continue;
                }
                options.Shapes[name] = Arguments.Shape(name, value);
            }
            var f = Objective.Parse(Arguments.ObjectiveText(parsed.GetValue(objective)!), options);
            string[] names = Arguments.Names(parsed.GetValue(wrt));
            if (parsed.GetValue(hessian))
            {
                foreach (string name in names)
                {
                    output.WriteLine($"d2/d{name}2 = {Printer.Print(f.Hessian(name))}");
                }
                return 0;
            }
            GradientGraph gradient = f.Differentiate(names);
            foreach (string name in names)
            {
                output.WriteLine($"d/d{name} = {gradient.Formula(name)}");
            }
            return 0;
        });
        return command;
    }
}
