# frozen_string_literal: true

# Harrier's helper for Ruby scripts (on RUBYLIB, so `require 'harrier'` works without a gem):
# prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
#
#   require 'harrier'
#   Harrier.outputs(rows: 42)
#   Harrier.counter('processed', 42, source: 's3')
#   Harrier.timer('load') { load_everything }
require 'json'

module Harrier
  LEVELS = %w[TRACE DEBUG INFO WARN ERROR].freeze

  module_function

  def send_message(message)
    # JSON.generate escapes control characters; the script_safe option also escapes U+2028/U+2029.
    $stdout.write("::#{JSON.generate(message, script_safe: true)}::\n")
    $stdout.flush
    nil
  end

  def outputs(values)
    send_message({ outputs: values })
  end

  def counter(name, value, tags = {})
    metric(name, 'counter', value, tags)
  end

  def gauge(name, value, tags = {})
    metric(name, 'gauge', value, tags)
  end

  # Seconds, or a block whose real elapsed time is recorded (the block's value is returned).
  def timer(name, seconds = nil, tags = {})
    return metric(name, 'timer', seconds, tags) unless block_given?

    start = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    result = yield
    metric(name, 'timer', Process.clock_gettime(Process::CLOCK_MONOTONIC) - start, tags)
    result
  end

  def log(level, message)
    level = level.to_s.upcase
    level = 'WARN' if level == 'WARNING'
    raise ArgumentError, "level must be one of #{LEVELS.join(', ')}" unless LEVELS.include?(level)

    send_message({ logs: [{ level: level, message: message.to_s }] })
  end

  def metric(name, type, value, tags)
    send_message({ metrics: [{ name: name, type: type, value: value, tags: tags || {} }] })
  end
end
