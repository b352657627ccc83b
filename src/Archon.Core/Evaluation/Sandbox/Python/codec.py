# Archon sandbox codec: the data-only encoding both sides of the sandbox pipe speak (one JSON object per line).
# Plain JSON carries None, bool, int, float, str and list; every JSON object is a tagged value ({"$": tag, ...}),
# so a decoder builds nothing but builtin data: no pickle, no eval, no object with behaviour of the sender's choosing.
# Anything else (functions, classes, instances, iterators, modules) crosses only as an opaque numbered reference.
import base64
import builtins
import json
import math

MAX_DEPTH = 100
_TAGS = ("tuple", "set", "frozenset", "dict", "bytes", "complex", "float", "ref")


class ProtocolViolation(BaseException):
    """The peer broke the protocol. A BaseException, so `except Exception:` in test code cannot swallow it."""


def encode(value, make_ref, depth=0):
    if depth > MAX_DEPTH:
        raise ValueError("value nested more than %d levels deep" % MAX_DEPTH)
    if value is None or value is True or value is False:
        return value
    d = depth + 1
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        f = float.__float__(value)
        return f if math.isfinite(f) else {"$": "float", "v": repr(f)}
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, list):
        return [encode(x, make_ref, d) for x in list.__iter__(value)]
    if isinstance(value, tuple):
        return {"$": "tuple", "v": [encode(x, make_ref, d) for x in tuple.__iter__(value)]}
    if isinstance(value, frozenset):
        return {"$": "frozenset", "v": [encode(x, make_ref, d) for x in frozenset.__iter__(value)]}
    if isinstance(value, set):
        return {"$": "set", "v": [encode(x, make_ref, d) for x in set.__iter__(value)]}
    if isinstance(value, dict):
        return {"$": "dict", "v": [[encode(k, make_ref, d), encode(v, make_ref, d)] for k, v in dict.items(value)]}
    if isinstance(value, (bytes, bytearray)):
        return {"$": "bytes", "v": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, complex):
        return {"$": "complex", "v": [encode(value.real, make_ref, d), encode(value.imag, make_ref, d)]}
    return make_ref(value)


def _reject_constant(name):
    raise ValueError("bare %s is not allowed (floats that are not finite are tagged)" % name)


def parse_line(line):
    """JSON text -> Python JSON values; raises ProtocolViolation on anything that is not one well-formed object."""
    try:
        obj = json.loads(line, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as e:
        raise ProtocolViolation("malformed message: %s" % e) from None
    if not isinstance(obj, dict):
        raise ProtocolViolation("message is not a JSON object")
    return obj


def decode(obj, resolve_ref, depth=0):
    if depth > MAX_DEPTH:
        raise ProtocolViolation("value nested more than %d levels deep" % MAX_DEPTH)
    t = type(obj)
    if obj is None or t in (bool, int, float, str):
        return obj
    d = depth + 1
    if t is list:
        return [decode(x, resolve_ref, d) for x in obj]
    if t is not dict or obj.get("$") not in _TAGS:
        raise ProtocolViolation("untagged or unknown JSON object in a value")
    tag = obj["$"]
    v = obj.get("v")
    try:
        if tag == "ref":
            ref_id = obj.get("id")
            if type(ref_id) is not int:
                raise ProtocolViolation("reference without an integer id")
            type_name = obj.get("type")
            return resolve_ref(ref_id, type_name if type(type_name) is str else "object")
        if tag == "float":
            if v not in ("nan", "inf", "-inf"):
                raise ProtocolViolation("bad float tag")
            return float(v)
        if tag == "bytes":
            if type(v) is not str:
                raise ProtocolViolation("bad bytes tag")
            return base64.b64decode(v, validate=True)
        if type(v) is not list:
            raise ProtocolViolation("tag %s without a list" % tag)
        if tag == "complex":
            if len(v) != 2:
                raise ProtocolViolation("bad complex tag")
            return complex(*(decode(x, resolve_ref, d) for x in v))
        if tag == "dict":
            out = {}
            for pair in v:
                if type(pair) is not list or len(pair) != 2:
                    raise ProtocolViolation("bad dict entry")
                out[decode(pair[0], resolve_ref, d)] = decode(pair[1], resolve_ref, d)
            return out
        items = [decode(x, resolve_ref, d) for x in v]
        return tuple(items) if tag == "tuple" else set(items) if tag == "set" else frozenset(items)
    except (TypeError, ValueError) as e:
        raise ProtocolViolation("bad %s value: %s" % (tag, e)) from None


def error_of(exc):
    """A builtin-data description of an exception (its type name and message), safe against hostile __str__."""
    try:
        message = str(exc)[:2000]
    except BaseException:
        message = "(unprintable)"
    return {"type": type(exc).__name__, "message": message}


def exception_from(error):
    """Rebuilds a builtin exception type by name (ValueError, StopIteration, ...); anything else is CandidateError."""
    name = error.get("type") if isinstance(error, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    message = message if type(message) is str else ""
    cls = getattr(builtins, name, None) if type(name) is str else None
    if isinstance(cls, type) and issubclass(cls, Exception):
        return cls(message)
    return CandidateError("%s: %s" % (name, message))


class CandidateError(Exception):
    """The candidate raised something that is not a builtin Exception (SystemExit, its own classes, ...)."""
