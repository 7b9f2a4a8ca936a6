namespace CaseGrains.Runtime.Tests.Probes;

/// <summary>A grain that commits numbers through a <see cref="GroupCommit{TFact}"/>, to observe how groups form and fail.</summary>
public interface ICommitProbeGrain : IGrainWithStringKey
{
    /// <summary>Answers once the number is committed and applied.</summary>
    Task Add(int number);

    /// <summary>The committed numbers the grain has applied, in order.</summary>
    Task<IReadOnlyList<int>> Applied();

    /// <summary>Commits whatever was accepted, waiting for a group under way, then answers what is applied.</summary>
    Task<IReadOnlyList<int>> FlushThenApplied();
}
