namespace CaseGrains.Sharing;

public enum FieldType
{
    /// <summary>A JSON string, at most 200 characters.</summary>
    Text,
    /// <summary>A JSON string yyyy-MM-dd.</summary>
    Date,
    /// <summary>A JSON integer of fen, 0 or more.</summary>
    Fen,
    /// <summary>A JSON integer, 0 or more.</summary>
    Count,
    /// <summary>A JSON true or false.</summary>
    Flag,
    /// <summary>A unified social credit code with a valid check character (GB 32100-2015).</summary>
    CreditCode,
}
