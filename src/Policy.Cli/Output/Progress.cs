namespace Policy.Cli.Output;

/// <summary>Progress on stderr while projects load and analyse: a spinner line on a terminal, nothing when redirected or --quiet.</summary>
public sealed class Progress(bool quiet) : IDisposable
{
    private static readonly char[] Frames = ['|', '/', '-', '\\'];
    private readonly bool _enabled = !quiet && !Console.IsErrorRedirected;
    private readonly object _gate = new();
    private Timer? _timer;
    private string _text = string.Empty;
    private int _frame;

    /// <summary>Shows a new status.</summary>
    public void Report(string text)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            _text = text;
            _timer ??= new Timer(_ => Draw(), null, 0, 120);
            Draw();
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            var line = Frames[_frame++ % Frames.Length] + " " + Policy.Evidence.SafeText.Escape(_text);
            var width = Math.Max(20, SafeWidth() - 1);
            Console.Error.Write("\r" + (line.Length > width ? line[..width] : line.PadRight(width)));
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_enabled && _text.Length > 0)
            {
                Console.Error.Write("\r" + new string(' ', Math.Max(20, SafeWidth() - 1)) + "\r");
            }
        }
    }
}
