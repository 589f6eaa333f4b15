using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace GeneratedBus.Benchmarks.Scenarios;

/// <summary>What every scenario class wants: bytes per operation, and ratios within each goal's category.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GoalConfigAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
}
