using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace B12Cds.Cards;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so the same evaluation always gives the
/// same card and suggestion uuids, and an audit log or feedback call can be matched to its input.
/// </summary>
public static class NameBasedUuid
{
    /// <summary>Gets the namespace of every uuid B12 CDS derives.</summary>
    public static Guid B12CdsNamespace { get; } = new("0b12cd50-5e7a-4c1e-9a0f-2b6e1d7c3a41");

    /// <summary>Creates the version-5 uuid of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 9562 defines version-5 uuids with SHA-1; the hash is an identifier, not a security control.")]
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input.AsSpan(0, 16), bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>Creates the uuid of a list of parts in the B12 CDS namespace (the parts are joined unambiguously).</summary>
    public static Guid FromParts(IEnumerable<string?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return FromParts((ReadOnlySpan<string?>)[.. parts]);
    }

    /// <summary>
    /// Creates the uuid of a list of parts in the B12 CDS namespace: each part written as its length in UTF-16 code
    /// units (<c>-</c> for null), <c>:</c>, the part and a newline, so ("a|b", "c") and ("a", "b|c") never collide.
    /// The name is encoded straight into a stack or pooled buffer (the same bytes as UTF-8 of the joined text).
    /// </summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 9562 defines version-5 uuids with SHA-1; the hash is an identifier, not a security control.")]
    public static Guid FromParts(params ReadOnlySpan<string?> parts)
    {
        // 16 namespace bytes; per part at most 10 digits, ':' and '\n', and 3 UTF-8 bytes per UTF-16 code unit.
        var size = 16;
        foreach (var part in parts)
        {
            size += 12 + (Encoding.UTF8.GetMaxByteCount(part?.Length ?? 0));
        }

        byte[]? rented = null;
        var input = size <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            B12CdsNamespace.TryWriteBytes(input, bigEndian: true, out _);
            var written = 16;
            foreach (var part in parts)
            {
                if (part is null)
                {
                    input[written++] = (byte)'-';
                }
                else
                {
                    part.Length.TryFormat(input[written..], out var digits, provider: CultureInfo.InvariantCulture);
                    written += digits;
                }

                input[written++] = (byte)':';
                written += Encoding.UTF8.GetBytes(part.AsSpan(), input[written..]);
                input[written++] = (byte)'\n';
            }

            Span<byte> hash = stackalloc byte[20];
            SHA1.HashData(input[..written], hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
