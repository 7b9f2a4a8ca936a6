using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CaseGrains.Identity;

/// <summary>
/// The 18-character citizen identification number (公民身份号码, GB 11643-1999): a six-digit address code, an
/// eight-digit birth date (yyyyMMdd), a three-digit sequence code (odd for men, even for women) and a check
/// character computed with ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11; 10 is written X).
/// </summary>
/// <remarks>
/// The 15-digit numbers of GB 11643-1989 carry no check character and are not accepted. The address code is not
/// looked up in GB/T 2260: codes are retired and reissued, and a number stays valid after its region is renamed.
/// </remarks>
public sealed record ResidentIdNumber
{
    public const int Length = 18;

    /// <summary>The standard's own Appendix A example is born in 1880; nothing earlier is plausible.</summary>
    private const int EarliestBirthYear = 1800;

    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The canonical form: 17 digits and a digit or upper-case X.</summary>
    public string Value { get; }

    /// <summary>地址码: the administrative division where the holder's household was registered.</summary>
    public string AddressCode => Value[..6];

    public DateOnly BirthDate { get; }

    /// <summary>顺序码: three digits.</summary>
    public string SequenceCode => Value[14..17];

    /// <summary>The standard gives odd sequence codes to men and even ones to women.</summary>
    public bool IsOddSequence => (Value[16] - '0') % 2 == 1;

    public char CheckCharacter => Value[17];

    public override string ToString() => Value;

    /// <summary>True when the number is well formed, its birth date exists, and its check character is right.</summary>
    public static bool IsValid(string? value) => TryParse(value, out _);

    /// <summary>As <see cref="IsValid(string?)"/>, and the holder is not born after <paramref name="today"/>.</summary>
    public static bool IsValid(string? value, DateOnly today) => TryParse(value, out var id) && id.BirthDate <= today;

    /// <summary>Parses a number, trimming surrounding white space and accepting a lower-case x.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ResidentIdNumber? id)
    {
        id = null;
        if (value is null)
        {
            return false;
        }

        var candidate = value.Trim().ToUpperInvariant();
        if (candidate.Length != Length)
        {
            return false;
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                return false;
            }
        }

        if (!DateOnly.TryParseExact(candidate.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < EarliestBirthYear)
        {
            return false;
        }

        if (CheckCharacterFor(candidate.AsSpan(0, Length - 1)) != candidate[Length - 1])
        {
            return false;
        }

        id = new ResidentIdNumber(candidate, birth);
        return true;
    }

    /// <summary>The check character for the first 17 digits of a number.</summary>
    /// <exception cref="ArgumentException">Not 17 ASCII digits.</exception>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"Expected {Length - 1} digits, got {first17.Length}.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
            {
                throw new ArgumentException($"'{first17[i]}' at position {i + 1} is not a digit.", nameof(first17));
            }

            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
