<?php
// Harrier's helper for PHP scripts (on include_path, so `require 'harrier.php';` works without Composer):
// prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
//
//   require 'harrier.php';
//   Harrier::outputs(['rows' => 42]);
//   Harrier::counter('processed', 42, ['source' => 's3']);
//   Harrier::timer('load', function () { load_everything(); });

final class Harrier
{
    private static function send(array $message): void
    {
        // Zero fractions stay floats (3.0), slashes stay readable; everything else is escaped by json_encode.
        $flags = JSON_PRESERVE_ZERO_FRACTION | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR;
        fwrite(STDOUT, '::' . json_encode($message, $flags) . "::\n");
        fflush(STDOUT);
    }

    public static function outputs(array $values): void
    {
        // An empty PHP array would encode as [] — outputs must be an object.
        self::send(['outputs' => (object) $values]);
    }

    private static function metric(string $name, string $type, $value, array $tags): void
    {
        self::send(['metrics' => [['name' => $name, 'type' => $type, 'value' => $value, 'tags' => (object) $tags]]]);
    }

    public static function counter(string $name, $value, array $tags = []): void
    {
        self::metric($name, 'counter', $value, $tags);
    }

    public static function gauge(string $name, $value, array $tags = []): void
    {
        self::metric($name, 'gauge', $value, $tags);
    }

    /** Seconds, or a callable whose real elapsed time is recorded (its value is returned). */
    public static function timer(string $name, $value, array $tags = [])
    {
        if (is_callable($value)) {
            $start = hrtime(true);
            $result = $value();
            self::metric($name, 'timer', (hrtime(true) - $start) / 1e9, $tags);
            return $result;
        }
        self::metric($name, 'timer', $value, $tags);
        return null;
    }

    public static function log(string $level, string $message): void
    {
        self::send(['logs' => [['level' => strtoupper($level), 'message' => $message]]]);
    }
}
