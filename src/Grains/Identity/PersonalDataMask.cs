namespace CaseGrains.Identity;

/// <summary>
/// Masks personal data for everyone but the holder, the administrator and the judge (GB/T 35273 de-identification
/// in display). Each mask keeps the length of the value, replaces hidden characters with '*', and shows only what a
/// person needs to recognise their own record:
/// <list type="bullet">
/// <item>ID numbers (resident ID, passport, any other): the first 3 and the last 4 characters. The first 3 give
/// no more than the province; the first 6 would give the county of household registration, which with the visible
/// last 4 narrows the holder down too far.</item>
/// <item>Mobile phone numbers: the first 3 (the carrier prefix) and the last 4, the usual 138****5678.</item>
/// <item>Bank accounts and cards: the last 4 only, as on bank statements.</item>
/// </list>
/// White space, '-' and '/' used to group digits are removed first, so that grouping never reveals anything.
/// A value that would keep fewer than <see cref="MinimumHidden"/> characters hidden is masked entirely.
/// </summary>
public static class PersonalDataMask
{
    public const char MaskCharacter = '*';

    /// <summary>Fewer hidden characters than this and the value is as good as shown, so all of it is masked.</summary>
    public const int MinimumHidden = 4;

    /// <summary>110105194912310021 becomes 110***********0021.</summary>
    public static string IdNumber(string? value) => Keep(value, head: 3, tail: 4);

    /// <summary>13812345678 becomes 138****5678.</summary>
    public static string Phone(string? value) => Keep(value, head: 3, tail: 4);

    /// <summary>6222021234567890123 becomes ***************0123.</summary>
    public static string BankAccount(string? value) => Keep(value, head: 0, tail: 4);

    private static string Keep(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var compact = Compact(value);

        if (compact.Length - head - tail < MinimumHidden)
        {
            return new string(MaskCharacter, compact.Length);
        }

        return string.Create(compact.Length, (compact, head, tail), static (span, state) =>
        {
            var (source, h, t) = state;
            span.Fill(MaskCharacter);
            source.AsSpan(0, h).CopyTo(span);
            source.AsSpan(source.Length - t).CopyTo(span[(source.Length - t)..]);
        });
    }

    private static string Compact(string value)
    {
        var needsCompaction = false;
        foreach (var c in value)
        {
            if (IsSeparator(c))
            {
                needsCompaction = true;
                break;
            }
        }

        if (!needsCompaction)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsSeparator(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '/';
}
