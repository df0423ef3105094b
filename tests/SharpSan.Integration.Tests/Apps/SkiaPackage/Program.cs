using SkiaSharp;
// Draws, encodes as PNG and JPEG, decodes, resizes and hashes the pixels: every step goes through libSkiaSharp.so.
var info = new SKImageInfo(640, 480);
using var bitmap = new SKBitmap(info);
using (var canvas = new SKCanvas(bitmap))
{
    canvas.Clear(SKColors.White);
    using var paint = new SKPaint { Color = SKColors.Red, IsAntialias = true, StrokeWidth = 4, Style = SKPaintStyle.Stroke };
    for (int i = 0; i < 50; i++) canvas.DrawCircle(320, 240, 5 + i * 4, paint);
    using var path = new SKPath();
    path.MoveTo(10, 10); path.CubicTo(100, 400, 500, -100, 630, 470);
    paint.Color = SKColors.Blue;
    canvas.DrawPath(path, paint);
    using var fill = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(640, 0), [SKColors.Green, SKColors.Yellow], SKShaderTileMode.Clamp) };
    canvas.DrawRect(0, 400, 640, 80, fill);
    using var font = new SKFont(SKTypeface.Default, 32);
    using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
    canvas.DrawText("SharpSan", 20, 60, font, text);
}
var results = new List<string>();
foreach (var format in new[] { SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp })
{
    using var data = bitmap.Encode(format, 90);
    using var decoded = SKBitmap.Decode(data);
    using var resized = decoded.Resize(new SKImageInfo(160, 120), new SKSamplingOptions(SKFilterMode.Linear));
    results.Add($"{format}:{decoded.Width}x{decoded.Height}->{resized.Width}x{resized.Height}");
}
long sum = 0;
var pixels = bitmap.GetPixelSpan();
for (int i = 0; i < pixels.Length; i += 7) sum += pixels[i];
Console.WriteLine($"{string.Join(' ', results)} checksum {sum}");
