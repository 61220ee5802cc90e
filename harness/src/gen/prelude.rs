//! The Lua helpers generated programs call, each defined on one line at the top of a program
//! that uses it, so a shrunk program keeps only the helpers it needs.
//!
//! They exist to keep programs deterministic where Lua is not: `S` and `P` never turn a table
//! or function into text (that would print an address), `spairs` visits keys in a fixed
//! order (the order of `pairs` is unspecified, and changes from run to run in PUC, whose string
//! hashes are seeded), and `rand` is a Lua-side generator (`math.random` follows the C
//! library). `N`, `A` and `F` keep the sign of NaNs the same in every build (see `negated` in
//! expr.rs).

/// Each helper's name, the helpers it needs, and its definition.
const HELPERS: &[(&str, &[&str], &str)] = &[
    (
        "S",
        &[],
        "local function S(v) local t = type(v) if t == \"table\" or t == \"function\" or t == \"thread\" or t == \"userdata\" then return t end return v end",
    ),
    (
        "P",
        &["S"],
        "local function P(...) local n = select(\"#\", ...) local t = {...} for i = 1, n do t[i] = S(t[i]) end print(table.unpack(t, 1, n)) end",
    ),
    (
        "V",
        &[],
        "local function V(x) if type(x) == \"table\" then return rawget(x, \"v\") end return x end",
    ),
    (
        "spairs",
        &[],
        "local function spairs(t) local keys = {} for k in next, t do keys[#keys + 1] = k end table.sort(keys, function(a, b) local x, y = type(a), type(b) if x ~= y then return x < y end if x == \"boolean\" then return not a and b end return a < b end) local i = 0 return function() i = i + 1 local k = keys[i] if k ~= nil then return k, rawget(t, k) end end end",
    ),
    (
        "rand",
        &[],
        "local rseed = 42 local function rand(n) rseed = (rseed * 1103515245 + 12345) % 2147483648 return rseed % n + 1 end",
    ),
    (
        "N",
        &[],
        "local function N(x) if x ~= x then return x end return -x end",
    ),
    (
        "A",
        &[],
        "local function A(x) if x ~= x then return x end return math.abs(x) end",
    ),
    (
        "F",
        &[],
        "local function F(x) if x ~= x then return 0/0 end return x end",
    ),
    (
        "H",
        &[],
        "local function H(m) local t = type(m) if t == \"string\" or t == \"number\" then return \"H: \" .. m end return \"H: \" .. t end",
    ),
];

/// The names of the helpers, which the generator must never use for its own variables.
pub(crate) fn is_helper_name(name: &str) -> bool {
    HELPERS.iter().any(|(helper, _, _)| *helper == name) || name == "rseed"
}

/// `body` preceded by the definitions of the helpers it mentions, in definition order.
pub(crate) fn with_helpers(body: &str) -> String {
    let words = identifiers(body);
    let mut needed = vec![false; HELPERS.len()];
    for (index, (name, _, _)) in HELPERS.iter().enumerate() {
        if words.contains(name) {
            needed[index] = true;
        }
    }
    // Dependencies always come earlier in the list, so one backward pass closes the set.
    for index in (0..HELPERS.len()).rev() {
        if needed[index] {
            for dependency in HELPERS[index].1 {
                if let Some(position) = HELPERS.iter().position(|(name, _, _)| name == dependency) {
                    needed[position] = true;
                }
            }
        }
    }
    let mut source = String::new();
    for (index, (_, _, definition)) in HELPERS.iter().enumerate() {
        if needed[index] {
            source.push_str(definition);
            source.push('\n');
        }
    }
    source.push_str(body);
    source
}

/// The identifier-like words of a text (string contents included, which at worst adds a
/// helper that is not needed).
fn identifiers(text: &str) -> Vec<&str> {
    text.split(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
        .filter(|word| !word.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::with_helpers;
    use crate::engine::{Engine, ReferenceEngine, Status};

    #[test]
    fn only_used_helpers_are_defined_with_their_dependencies() {
        let source = with_helpers("P(1)\n");
        assert!(source.starts_with("local function S("), "{source}");
        assert!(source.contains("local function P("));
        assert!(!source.contains("spairs"));
        assert_eq!(with_helpers("print(1)\n"), "print(1)\n");
    }

    #[test]
    fn helpers_run_deterministically() {
        let body = "local t = {b = 1, a = 2, [3] = true, [1.5] = 'x', [false] = 0, [true] = 1}\n\
                    for k, v in spairs(t) do P(k, v, t) end\n\
                    P(rand(10), rand(10), V(setmetatable({v = 3}, {})), V(4), H('m'), H({}))\n";
        let run = ReferenceEngine::default().run(with_helpers(body).as_bytes(), b"=gen");
        assert_eq!(run.status, Status::Ok, "{run:?}");
        assert_eq!(
            String::from_utf8_lossy(&run.output),
            "false\t0\ttable\ntrue\t1\ttable\n1.5\tx\ttable\n3\ttrue\ttable\na\t2\ttable\n\
             b\t1\ttable\n8\t5\t3\t4\tH: m\tH: table\n"
        );
    }
}
