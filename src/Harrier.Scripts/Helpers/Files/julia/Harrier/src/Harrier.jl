# Harrier's helper for Julia scripts (on JULIA_LOAD_PATH, so `using Harrier` works without Pkg):
# prints ::{...}:: protocol lines that Harrier turns into task outputs, metrics and logs.
#
#   using Harrier
#   Harrier.outputs(Dict("rows" => 42))
#   Harrier.counter("processed", 42, Dict("source" => "s3"))
#   Harrier.timer("load") do; sleep(1); end
module Harrier

export outputs, counter, gauge, timer

function escape_json(s::AbstractString)
    io = IOBuffer()
    print(io, '"')
    for c in s
        if c == '"'
            print(io, "\\\"")
        elseif c == '\\'
            print(io, "\\\\")
        elseif c == '\n'
            print(io, "\\n")
        elseif c == '\r'
            print(io, "\\r")
        elseif c == '\t'
            print(io, "\\t")
        elseif c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u85'
            print(io, "\\u", string(UInt32(c), base = 16, pad = 4))
        else
            print(io, c)
        end
    end
    print(io, '"')
    return String(take!(io))
end

to_json(::Nothing) = "null"
to_json(::Missing) = "null"
to_json(b::Bool) = b ? "true" : "false"
to_json(n::Integer) = string(n)
to_json(x::AbstractFloat) = isfinite(x) ? string(Float64(x)) : "null"
to_json(s::AbstractString) = escape_json(s)
to_json(s::Symbol) = escape_json(string(s))
to_json(v::Union{AbstractVector,Tuple}) = "[" * join((to_json(x) for x in v), ",") * "]"
to_json(d::AbstractDict) = "{" * join((escape_json(string(k)) * ":" * to_json(v) for (k, v) in d), ",") * "}"
to_json(nt::NamedTuple) = to_json(Dict(pairs(nt)))
to_json(x) = escape_json(string(x))

function send(json::AbstractString)
    println(stdout, "::", json, "::")
    flush(stdout)
    nothing
end

outputs(values) = send("{\"outputs\":" * to_json(values) * "}")

metric(name, kind, value, tags) =
    send("{\"metrics\":[{\"name\":" * to_json(name) * ",\"type\":\"" * kind * "\",\"value\":" * to_json(value) *
         ",\"tags\":" * to_json(tags === nothing ? Dict{String,String}() : tags) * "}]}")

counter(name, value, tags = nothing) = metric(name, "counter", value, tags)
gauge(name, value, tags = nothing) = metric(name, "gauge", value, tags)
timer(name, seconds::Real, tags = nothing) = metric(name, "timer", seconds, tags)

"Runs `f` and records its real elapsed time (do-block form); returns `f`'s value."
function timer(f::Function, name, tags = nothing)
    start = time_ns()
    result = f()
    metric(name, "timer", (time_ns() - start) / 1e9, tags)
    return result
end

log(level, message) = send("{\"logs\":[{\"level\":" * to_json(uppercase(string(level))) * ",\"message\":" * to_json(string(message)) * "}]}")

end # module
