using System.Buffers;

namespace MentorFunctions.Core.Intake;

/// <summary>Reads a webhook body without trusting its size: at most one byte more than the limit, so the intake can answer 413.</summary>
public static class WebhookBody
{
    private const int MaxBytes = WebhookIntake.MaxBodyBytes;

    public static async Task<ReadOnlyMemory<byte>> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        while (buffer.WrittenCount <= MaxBytes)
        {
            var memory = buffer.GetMemory(8 * 1024);
            var read = await body.ReadAsync(memory[..Math.Min(memory.Length, MaxBytes + 1 - buffer.WrittenCount)], cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            buffer.Advance(read);
        }
        return buffer.WrittenMemory;
    }
}
