# Harrier's helper for shell scripts (POSIX sh, dash included). Source it, its path is in
# $HARRIER_HELPERS_SH:   . "$HARRIER_HELPERS_SH"
# Each function prints one ::{...}:: protocol line with correctly escaped JSON:
#   harrier_output KEY VALUE             string output
#   harrier_output_json KEY JSON         output whose value is raw JSON (number, true, object…)
#   harrier_counter NAME VALUE [TAG=VALUE]...
#   harrier_gauge NAME VALUE [TAG=VALUE]...
#   harrier_timer NAME SECONDS [TAG=VALUE]...
#   harrier_log LEVEL MESSAGE            LEVEL: TRACE DEBUG INFO WARN ERROR

# Prints its argument as a JSON string. awk handles any byte; -v is avoided because it interprets
# backslashes, so the text comes through stdin instead.
harrier_json_string() {
    printf '%s' "$1" | awk '
        BEGIN { ORS = ""; printf "\""; for (i = 1; i < 32; i++) ctrl[sprintf("%c", i)] = sprintf("\\u%04x", i) }
        {
            if (NR > 1) printf "\\n"
            n = length($0)
            for (i = 1; i <= n; i++) {
                c = substr($0, i, 1)
                if (c == "\\") printf "\\\\"
                else if (c == "\"") printf "\\\""
                else if (c == "\t") printf "\\t"
                else if (c == "\r") printf "\\r"
                else if (c in ctrl) printf "%s", ctrl[c]
                else printf "%s", c
            }
        }
        END { printf "\"" }'
}

harrier_output() {
    printf '::{"outputs":{%s:%s}}::\n' "$(harrier_json_string "$1")" "$(harrier_json_string "$2")"
}

harrier_output_json() {
    printf '::{"outputs":{%s:%s}}::\n' "$(harrier_json_string "$1")" "$2"
}

harrier__metric() {
    _harrier_type=$1 _harrier_name=$2 _harrier_value=$3
    shift 3
    _harrier_tags=""
    for _harrier_tag in "$@"; do
        _harrier_tags="$_harrier_tags${_harrier_tags:+,}$(harrier_json_string "${_harrier_tag%%=*}"):$(harrier_json_string "${_harrier_tag#*=}")"
    done
    printf '::{"metrics":[{"name":%s,"type":"%s","value":%s,"tags":{%s}}]}::\n' \
        "$(harrier_json_string "$_harrier_name")" "$_harrier_type" "$_harrier_value" "$_harrier_tags"
}

harrier_counter() { harrier__metric counter "$@"; }
harrier_gauge() { harrier__metric gauge "$@"; }
harrier_timer() { harrier__metric timer "$@"; }

harrier_log() {
    printf '::{"logs":[{"level":%s,"message":%s}]}::\n' "$(harrier_json_string "$1")" "$(harrier_json_string "$2")"
}
