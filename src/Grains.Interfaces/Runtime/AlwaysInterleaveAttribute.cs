namespace CaseGrains.Runtime;

/// <summary>
/// The method may run while another call holds the grain's turn. Only for methods that read an immutable
/// snapshot the grain publishes; a method so marked must never change state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
