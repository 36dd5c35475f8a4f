package Harrier;
# Harrier's helper for Perl scripts (on PERL5LIB, so `use Harrier;` works without CPAN):
# prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
#
#   use Harrier;
#   Harrier::outputs({ rows => 42 });
#   Harrier::counter('processed', 42, { source => 's3' });
#   Harrier::timer('load', sub { load_everything() });
use strict;
use warnings;
use JSON::PP ();
use Time::HiRes ();

our $VERSION = '0.1.0';

# canonical: stable key order; utf8 off + ascii: every non-ASCII character escaped, any encoding safe.
my $json = JSON::PP->new->canonical(1)->ascii(1)->allow_nonref(1)->allow_blessed(1)->convert_blessed(1);

sub _send {
    my ($message) = @_;
    local $| = 1;
    print STDOUT '::' . $json->encode($message) . "::\n";
    return;
}

sub outputs { my ($values) = @_; _send({ outputs => $values }); }

sub _metric {
    my ($name, $type, $value, $tags) = @_;
    _send({ metrics => [ { name => $name, type => $type, value => $value + 0, tags => $tags || {} } ] });
}

sub counter { my ($name, $value, $tags) = @_; _metric($name, 'counter', $value, $tags); }
sub gauge   { my ($name, $value, $tags) = @_; _metric($name, 'gauge', $value, $tags); }

# Seconds, or a code reference whose real elapsed time is recorded (its value is returned).
sub timer {
    my ($name, $value, $tags) = @_;
    if (ref $value eq 'CODE') {
        my $start = Time::HiRes::time();
        my @result = $value->();
        _metric($name, 'timer', Time::HiRes::time() - $start, $tags);
        return wantarray ? @result : $result[0];
    }
    _metric($name, 'timer', $value, $tags);
}

sub log {
    my ($level, $message) = @_;
    _send({ logs => [ { level => uc $level, message => "$message" } ] });
}

1;
