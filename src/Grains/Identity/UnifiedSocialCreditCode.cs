using System.Diagnostics.CodeAnalysis;

namespace CaseGrains.Identity;

/// <summary>
/// The 18-character unified social credit code of a legal person or other organization (统一社会信用代码,
/// GB 32100-2015). Layout: registration authority (1), organization category (1), administrative region of the
/// registration authority (6 digits, GB/T 2260), subject identifier (9, the GB 11714 organization code) and a
/// check character computed over the first 17 with ISO 7064 MOD 31-3 (weights 3^(i-1) mod 31).
/// </summary>
/// <remarks>
/// Only what the standard fixes for every code is checked: the alphabet, the digits of the region code and the
/// check character. The GB 11714 check inside the subject identifier is not checked, because the standard's own
/// worked example (91350100M000100Y43) does not satisfy it.
/// </remarks>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = 18;

    /// <summary>0-9 and the capital letters without I, O, Z, S and V; a character's index is its value.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private const int Modulus = 31;

    private static readonly int[] Weights = ComputeWeights();

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The canonical form: 18 upper-case characters.</summary>
    public string Value { get; }

    /// <summary>登记管理部门代码, e.g. '9' for market supervision (工商), '5' for civil affairs.</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>机构类别代码, e.g. '1' for an enterprise when the authority is '9'.</summary>
    public char OrganizationCategory => Value[1];

    /// <summary>登记管理机关行政区划码: six digits.</summary>
    public string RegionCode => Value[2..8];

    /// <summary>主体标识码: the nine-character organization code.</summary>
    public string SubjectIdentifier => Value[8..17];

    public char CheckCharacter => Value[17];

    public override string ToString() => Value;

    /// <summary>True when <paramref name="value"/> is a well-formed code whose check character is right.</summary>
    /// <remarks>Surrounding white space and lower-case letters are accepted, as in <see cref="TryParse"/>.</remarks>
    public static bool IsValid(string? value) => TryParse(value, out _);

    /// <summary>
    /// Parses a code, trimming surrounding white space and upper-casing letters (people type codes in lower case;
    /// the standard has only upper case, so nothing is lost).
    /// </summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out UnifiedSocialCreditCode? code)
    {
        code = null;
        if (value is null)
        {
            return false;
        }

        var candidate = value.Trim().ToUpperInvariant();
        if (candidate.Length != Length)
        {
            return false;
        }

        foreach (var c in candidate)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                return false;
            }
        }

        if (CheckCharacterFor(candidate.AsSpan(0, Length - 1)) != candidate[Length - 1])
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(candidate);
        return true;
    }

    /// <summary>The check character for the first 17 characters of a code (upper case, from the code alphabet).</summary>
    /// <exception cref="ArgumentException">Not 17 characters, or a character outside the alphabet.</exception>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"Expected {Length - 1} characters, got {first17.Length}.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' at position {i + 1} is not in the code alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        // C18 = 31 - MOD(sum, 31), where 31 itself is written as 0.
        return Alphabet[(Modulus - sum % Modulus) % Modulus];
    }

    private static int[] ComputeWeights()
    {
        var weights = new int[Length - 1];
        var w = 1;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = w;
            w = w * 3 % Modulus;
        }

        return weights;
    }
}
