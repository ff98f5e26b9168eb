using AutoGrad.Simplification.Rules;

namespace AutoGrad.Simplification;

/// <summary>The passes the pipeline runs, each a named list of rules.</summary>
internal static class Passes
{
    /// <summary>Constant folding, identities and canonical scalar placement.</summary>
    public static Pass Algebra { get; } = new("algebra",
    [
        new("fold-elementwise", ConstantRules.FoldElementwise),
        new("scalarize-fill", ConstantRules.ScalarizeFill),
        new("fold-sum", ConstantRules.FoldSum),
        new("fold-transpose", ConstantRules.FoldTranspose),
        new("fold-scalar-identity", ConstantRules.FoldScalarIdentity),
        new("fold-broadcast", ConstantRules.FoldBroadcast),
        new("fold-reshape", ConstantRules.FoldReshape),
        new("add-zero", IdentityRules.AddZero),
        new("multiply-one", IdentityRules.MultiplyOne),
        new("multiply-zero", IdentityRules.MultiplyZero),
        new("multiply-identity", IdentityRules.MultiplyIdentity),
        new("double-transpose", IdentityRules.DoubleTranspose),
        new("trivial-sum", IdentityRules.TrivialSum),
        new("implicit-expansion", ExpansionRules.ImplicitExpansion),
        new("transpose-of-product", TransposeRules.TransposeOfProduct),
        new("scalar-first", ScalarRules.ScalarFirst),
        new("collect-scalars", ScalarRules.CollectScalars),
        new("fold-scaled-quotient", ScalarRules.FoldScaledQuotient),
        new("scalar-product", ScalarRules.ScalarProduct),
        new("scalar-out-of-product", ScalarRules.ScalarOutOfProduct),
        new("scalar-out-of-elementwise", ScalarRules.ScalarOutOfElementwise),
        new("scalar-out-of-linear", ScalarRules.ScalarOutOfLinear),
        new("fold-negation", ScalarRules.FoldNegation),
        new("common-factor", FactorRules.CommonFactor),
    ]);

    /// <summary>Before differentiating: stable forms, then the algebra.</summary>
    public static Pass Prepare { get; } = new("prepare",
    [
        new("norm-squared", StabilityRules.NormSquared),
        new("log-of-one-plus", StabilityRules.LogOfOnePlus),
        new("log-sum-of-exp", StabilityRules.LogSumOfExp),
        new("exp-minus-one", StabilityRules.ExpMinusOne),
        .. Algebra.Rules,
    ]);
}
