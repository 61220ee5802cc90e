//! A generator of random Lua 5.3 programs for differential testing, driven by the `arbitrary`
//! crate's [`Unstructured`] bytes.
//!
//! Programs are built as a syntax tree ([`ast`]) and printed. The generator is:
//!
//! - **Scope-aware**: it reads only names that are defined where it reads them (locals in scope,
//!   upvalues, globals assigned earlier at the top level), so programs rarely fail by accident.
//! - **Typed**: every variable, field, function parameter and result has a [`types::Ty`], and an
//!   expression is always generated for a type, so operators get operands they accept. Runtime
//!   errors are made on purpose ([`errors`]), inside `pcall` or, in a few programs, uncaught at
//!   the end.
//! - **Budgeted**: a node budget bounds the size, fixed limits bound the nesting, and an
//!   estimate of the work each function does bounds loops and calls, so programs terminate by
//!   construction and stay fast. The harness's instruction budget backs this up.
//! - **Simplest first**: every choice lists its simplest option first, and an exhausted input
//!   makes the first choice, so shorter or zeroed bytes give smaller programs. The shrinker
//!   relies on this.
//! - **Deterministic where Lua is not specified**: no `pairs` order (a sorted-pairs helper is
//!   used instead), no `#` on tables that are not sequences, no addresses (tables and functions
//!   are never turned into strings), a Lua-side random generator, no `os`, `io`, garbage
//!   collection or weak tables. Output goes through `print` only.
//!
//! What is generated is chosen by [`Features`]; profiles name sets of features. The default
//! profile holds everything ferrolua is expected to run today, coroutines included; it is the
//! same as `full` until a feature is added that ferrolua does not run yet.

pub mod ast;
mod errors;
mod expr;
mod meta;
mod prelude;
mod snippets;
mod stat;
mod stdlib;
mod types;

use std::fmt;

use arbitrary::Unstructured;

pub use self::ast::{render, Block};

/// One area of the language the generator can cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Feature {
    /// The string library: `rep`, `sub`, `byte`, `char`, `upper`, `reverse`, ...
    Strings,
    /// Pattern matching: `find`, `match`, `gmatch`, `gsub`, with a small pattern grammar.
    Patterns,
    /// `string.format` with a grammar of conversion specifications.
    Format,
    /// The table library and table constructors beyond the basics.
    Tables,
    /// The math library and tricky numbers.
    Math,
    /// `utf8` library calls.
    Utf8,
    /// Metatables with every metamethod, classes, inheritance.
    Metatables,
    /// Closures, upvalues and captures in loops.
    Closures,
    /// Vararg functions, `select`, `table.pack`, multiple results.
    Varargs,
    /// Bounded recursion and deep tail calls.
    Recursion,
    /// `goto` and labels.
    Goto,
    /// Runtime errors made on purpose inside `pcall`/`xpcall`, `error`, `assert`.
    Errors,
    /// Programs that end with an uncaught error (compares messages and tracebacks).
    Uncaught,
    /// Runaway recursion that ends in a stack overflow, caught by `pcall`.
    StackOverflow,
    /// Coroutines: `create`, `resume`, `yield`, `wrap`, `status`.
    Coroutines,
}

impl Feature {
    /// Every feature, in the order names are listed.
    pub const ALL: [Feature; 15] = [
        Feature::Strings,
        Feature::Patterns,
        Feature::Format,
        Feature::Tables,
        Feature::Math,
        Feature::Utf8,
        Feature::Metatables,
        Feature::Closures,
        Feature::Varargs,
        Feature::Recursion,
        Feature::Goto,
        Feature::Errors,
        Feature::Uncaught,
        Feature::StackOverflow,
        Feature::Coroutines,
    ];

    /// The feature's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Strings => "strings",
            Feature::Patterns => "patterns",
            Feature::Format => "format",
            Feature::Tables => "tables",
            Feature::Math => "math",
            Feature::Utf8 => "utf8",
            Feature::Metatables => "metatables",
            Feature::Closures => "closures",
            Feature::Varargs => "varargs",
            Feature::Recursion => "recursion",
            Feature::Goto => "goto",
            Feature::Errors => "errors",
            Feature::Uncaught => "uncaught",
            Feature::StackOverflow => "stack-overflow",
            Feature::Coroutines => "coroutines",
        }
    }

    fn bit(self) -> u32 {
        1 << Feature::ALL
            .iter()
            .position(|&feature| feature == self)
            .unwrap_or(0)
    }
}

/// A set of [`Feature`]s. The default is the `default` profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Features(u32);

impl Default for Features {
    fn default() -> Self {
        Features::profile("default").unwrap_or(Features(0))
    }
}

impl Features {
    /// The names of the profiles, for help texts.
    pub const PROFILES: &'static str = "default (everything ferrolua runs today: all features \
        but coroutines), full (every feature), core (none: values, operators, control flow, \
        functions, tables)";

    /// A named set of features.
    pub fn profile(name: &str) -> Option<Features> {
        let all = Feature::ALL
            .iter()
            .fold(0, |bits, feature| bits | feature.bit());
        match name {
            "default" => Some(Features(all)),
            "full" => Some(Features(all)),
            "core" => Some(Features(0)),
            _ => None,
        }
    }

    /// Whether `feature` is in the set.
    pub fn has(self, feature: Feature) -> bool {
        self.0 & feature.bit() != 0
    }

    /// The set with `feature` added or removed.
    pub fn with(self, feature: Feature, on: bool) -> Features {
        if on {
            Features(self.0 | feature.bit())
        } else {
            Features(self.0 & !feature.bit())
        }
    }

    /// Applies a comma-separated list of changes to the set: `name` or `+name` adds a feature,
    /// `-name` removes it, `all` and `none` set or clear everything.
    pub fn apply(mut self, list: &str) -> Result<Features, String> {
        for item in list
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
        {
            let (on, name) = match item.strip_prefix('-') {
                Some(name) => (false, name),
                None => (true, item.strip_prefix('+').unwrap_or(item)),
            };
            match name {
                "all" => self = Features::profile("full").unwrap_or(self),
                "none" => self = Features(0),
                _ => {
                    let feature = Feature::ALL
                        .into_iter()
                        .find(|feature| feature.name() == name)
                        .ok_or_else(|| {
                            format!(
                                "unknown feature `{name}`; the features are: {}",
                                Feature::ALL.map(Feature::name).join(", ")
                            )
                        })?;
                    self = self.with(feature, on);
                }
            }
        }
        Ok(self)
    }

    /// The command-line options that select this set, empty for the default profile: what a
    /// `conform repro` line needs to regenerate the same program.
    pub fn options(self) -> String {
        if self == Features::default() {
            return String::new();
        }
        let default = Features::default();
        let changes = Feature::ALL
            .into_iter()
            .filter(|&feature| self.has(feature) != default.has(feature))
            .map(|feature| {
                let sign = if self.has(feature) { '+' } else { '-' };
                format!("{sign}{}", feature.name())
            })
            .collect::<Vec<_>>();
        format!(" --features={}", changes.join(","))
    }
}

impl fmt::Display for Features {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = Feature::ALL
            .into_iter()
            .filter(|&feature| self.has(feature))
            .map(Feature::name)
            .collect::<Vec<_>>();
        if names.is_empty() {
            f.write_str("core only")
        } else {
            f.write_str(&names.join(","))
        }
    }
}

/// How many bytes of choices a seed expands to. Programs use far fewer in most cases; when
/// the bytes run out, every later choice is the simplest one.
pub const SEED_BYTES: usize = 8192;

/// The bytes a seed stands for: a SplitMix64 stream, so seeds are cheap to expand and every
/// seed gives different bytes.
pub fn seed_bytes(seed: u64) -> Vec<u8> {
    let mut state = seed;
    let mut bytes = Vec::with_capacity(SEED_BYTES);
    while bytes.len() < SEED_BYTES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        bytes.extend_from_slice(&z.to_le_bytes());
    }
    bytes
}

/// A generated program: its tree and its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The tree, without the helper definitions.
    pub body: Block,
    /// The full source: the helpers the body uses, then the body.
    pub source: String,
}

impl Program {
    /// A program from a tree: prints it with the helpers it uses.
    pub fn from_body(body: Block) -> Program {
        let text = render(&body);
        let source = prelude::with_helpers(&text);
        Program { body, source }
    }
}

/// Generates a program from raw choice bytes.
pub fn generate(bytes: &[u8], features: Features) -> Program {
    let mut generator = stat::Generator::new(Unstructured::new(bytes), features);
    Program::from_body(generator.program())
}

/// Generates a program from raw choice bytes, and says how many of the bytes it read: the
/// same program comes from those bytes alone.
pub fn generate_counting(bytes: &[u8], features: Features) -> (Program, usize) {
    let mut generator = stat::Generator::new(Unstructured::new(bytes), features);
    let body = generator.program();
    let consumed = bytes.len() - generator.c.remaining();
    (Program::from_body(body), consumed)
}

/// Generates the program of a seed.
pub fn generate_from_seed(seed: u64, features: Features) -> Program {
    generate(&seed_bytes(seed), features)
}

/// The source of choices, with the "simplest first" rule built in: when the bytes are
/// exhausted, every method returns its first option, zero, or `false`.
pub(crate) struct Choices<'a> {
    u: Unstructured<'a>,
}

impl<'a> Choices<'a> {
    pub(crate) fn new(u: Unstructured<'a>) -> Choices<'a> {
        Choices { u }
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        self.u.int_in_range(0..=n - 1).unwrap_or(0)
    }

    /// A number in `low..=high`, `low` when the bytes are exhausted.
    pub(crate) fn range(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        self.u.int_in_range(low..=high).unwrap_or(low)
    }

    /// True with probability `numerator / denominator`; false when the bytes are exhausted.
    pub(crate) fn chance(&mut self, numerator: usize, denominator: usize) -> bool {
        numerator > 0 && self.below(denominator) >= denominator.saturating_sub(numerator)
    }

    /// An index into `weights`, chosen with those weights; the first non-zero one when the
    /// bytes are exhausted.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total = weights.iter().map(|&weight| weight as usize).sum::<usize>();
        let mut pick = self.below(total);
        for (index, &weight) in weights.iter().enumerate() {
            if pick < weight as usize {
                return index;
            }
            pick -= weight as usize;
        }
        0
    }

    /// One of `options`, the first when the bytes are exhausted.
    pub(crate) fn pick<T: Clone>(&mut self, options: &[T]) -> T {
        options[self.below(options.len())].clone()
    }

    /// A raw 64-bit integer.
    pub(crate) fn u64(&mut self) -> u64 {
        self.u.arbitrary::<u64>().unwrap_or(0)
    }

    /// How many bytes are left.
    pub(crate) fn remaining(&self) -> usize {
        self.u.len()
    }
}

#[cfg(test)]
mod tests {
    use super::{generate, generate_from_seed, Feature, Features};

    #[test]
    fn features_parse_and_print_as_options() {
        let default = Features::default();
        assert!(default.has(Feature::Coroutines));
        assert!(default.has(Feature::Strings));
        assert_eq!(default.options(), "");
        let changed = default.apply("-coroutines,-goto").expect("valid list");
        assert!(!changed.has(Feature::Coroutines) && !changed.has(Feature::Goto));
        assert_eq!(changed.options(), " --features=-goto,-coroutines");
        let list = changed.options();
        let list = list.strip_prefix(" --features=").expect("an option");
        assert_eq!(Features::default().apply(list), Ok(changed));
        assert!(default.apply("nonsense").is_err());
    }

    #[test]
    fn generation_is_deterministic_and_exhaustion_is_simplest() {
        let a = generate_from_seed(7, Features::default());
        let b = generate_from_seed(7, Features::default());
        assert_eq!(a, b);
        let empty = generate(&[], Features::default());
        let zeros = generate(&[0; 64], Features::default());
        assert!(empty.source.len() <= zeros.source.len() + 1);
        assert!(empty.source.lines().count() <= 3, "{}", empty.source);
    }
}
