using CaseGrains.Runtime;
using CaseGrains.WebFront.Claims;

namespace CaseGrains.Claims.Tests.Claims;

public class EvidenceFilesTests
{
    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("Application/PDF; charset=binary", "application/pdf")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("application/ofd", "application/ofd")]
    public void Listed_media_types_are_accepted_in_their_plain_form(string contentType, string mediaType) =>
        Assert.Equal(mediaType, EvidenceFiles.MediaType(contentType));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/html")]
    [InlineData("application/x-msdownload")]
    [InlineData("image/svg+xml")]
    public void Other_media_types_are_refused(string? contentType) =>
        Assert.Equal("contentType", Assert.Throws<RuleViolationException>(() => EvidenceFiles.MediaType(contentType)).Field);

    [Theory]
    [InlineData("application/pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("application/pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, false)]
    [InlineData("image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, true)]
    [InlineData("image/png", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, false)]
    [InlineData("image/jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, true)]
    [InlineData("image/tiff", new byte[] { 0x4D, 0x4D, 0x00, 0x2A }, true)]
    [InlineData("application/ofd", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, true)]
    [InlineData("application/ofd", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, false)]
    public void A_file_must_start_as_its_type_does(string mediaType, byte[] content, bool accepted)
    {
        if (accepted) EvidenceFiles.CheckContent(mediaType, content);
        else Assert.Equal("content", Assert.Throws<RuleViolationException>(() => EvidenceFiles.CheckContent(mediaType, content)).Field);
    }

    [Theory]
    [InlineData("合同.pdf", "合同.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\发票.ofd", "发票.ofd")]
    public void A_file_name_keeps_only_its_last_segment(string name, string kept) => Assert.Equal(kept, EvidenceFiles.FileName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("folder/")]
    [InlineData("..")]
    [InlineData("a\u0000b.pdf")]
    public void A_missing_or_unsafe_file_name_is_refused(string? name) =>
        Assert.Equal("fileName", Assert.Throws<RuleViolationException>(() => EvidenceFiles.FileName(name)).Field);
}
