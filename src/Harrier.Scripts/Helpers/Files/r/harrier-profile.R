# Harrier's helper for R scripts, loaded through R_PROFILE_USER. It first sources the profile R would
# have read without Harrier (the user's R_PROFILE_USER, ./.Rprofile or ~/.Rprofile), then attaches an
# environment "harrier" with outputs(), counter(), timer(), gauge() and task_log() (not log: that is base R), which print ::{...}::
# protocol lines. Use them bare (outputs(list(x = 1))) or qualified (harrier$outputs(...)).
local({
  original <- Sys.getenv("HARRIER_R_PROFILE_USER_ORIGINAL", "")
  candidates <- c(original, ".Rprofile", file.path(Sys.getenv("HOME"), ".Rprofile"))
  for (candidate in candidates[nzchar(candidates)]) {
    if (file.exists(candidate)) {
      sys.source(candidate, envir = globalenv())
      break
    }
  }
})

local({
  h <- new.env()

  escape <- function(s) {
    s <- enc2utf8(as.character(s))
    codes <- utf8ToInt(s)
    if (length(codes) == 0 || is.na(codes[1])) return("\"\"")
    parts <- vapply(codes, function(code) {
      if (code == 34L) "\\\"" else if (code == 92L) "\\\\"
      else if (code == 10L) "\\n" else if (code == 13L) "\\r" else if (code == 9L) "\\t"
      else if (code < 32L || code == 0x2028L || code == 0x2029L || code == 0x85L) sprintf("\\u%04x", code)
      else intToUtf8(code)
    }, character(1))
    paste0("\"", paste(parts, collapse = ""), "\"")
  }

  scalar <- function(x) {
    if (is.na(x)) return("null")
    if (is.logical(x)) return(if (x) "true" else "false")
    if (is.numeric(x)) {
      if (!is.finite(x)) return("null")
      if (is.integer(x) || (x == round(x) && abs(x) < 1e15)) return(format(x, scientific = FALSE, trim = TRUE))
      return(formatC(x, digits = 15, format = "g"))
    }
    escape(x)
  }

  # Lists with names become objects, other lists arrays; a vector of length one becomes a scalar
  # (like jsonlite's auto_unbox), longer vectors arrays, named vectors objects.
  to_json <- function(x) {
    if (is.null(x)) return("null")
    if (is.factor(x) || inherits(x, "Date") || inherits(x, "POSIXt")) x <- as.character(x)
    keys <- names(x)
    named <- !is.null(keys) && all(nzchar(keys))
    if (is.list(x) || length(x) != 1 || named) {
      values <- vapply(seq_along(x), function(i) if (is.list(x)) to_json(x[[i]]) else scalar(x[[i]]), character(1))
      if (named) return(paste0("{", paste(vapply(keys, escape, character(1)), values, sep = ":", collapse = ","), "}"))
      return(paste0("[", paste(values, collapse = ","), "]"))
    }
    scalar(x)
  }

  send <- function(message) {
    cat("::", to_json(message), "::\n", sep = "")
    flush(stdout())
    invisible(NULL)
  }

  metric <- function(name, type, value, tags) {
    if (is.null(tags) || length(tags) == 0) tags <- structure(list(), names = character(0))
    tags_json <- if (length(tags) == 0) "{}" else to_json(as.list(tags))
    cat("::{\"metrics\":[{\"name\":", escape(name), ",\"type\":\"", type, "\",\"value\":", scalar(value),
        ",\"tags\":", tags_json, "}]}::\n", sep = "")
    flush(stdout())
    invisible(NULL)
  }

  h$to_json <- to_json
  h$outputs <- function(values) send(list(outputs = as.list(values)))
  h$counter <- function(name, value, tags = NULL) metric(name, "counter", value, tags)
  h$gauge <- function(name, value, tags = NULL) metric(name, "gauge", value, tags)
  # A number is seconds; a function is called and its real elapsed time recorded. Returns its value.
  h$timer <- function(name, value, tags = NULL) {
    if (is.function(value)) {
      # Sys.time has microsecond resolution; proc.time's elapsed only milliseconds.
      start <- Sys.time()
      result <- value()
      metric(name, "timer", as.numeric(difftime(Sys.time(), start, units = "secs")), tags)
      return(invisible(result))
    }
    metric(name, "timer", value, tags)
  }
  h$task_log <- function(level, message) send(list(logs = list(list(level = toupper(level), message = paste(message, collapse = " ")))))
  h$harrier <- h
  attach(h, name = "harrier", warn.conflicts = FALSE)
})
