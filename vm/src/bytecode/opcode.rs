//! The opcode table: the single source of truth for every instruction. Mirrors lopcodes.h and
//! lopcodes.c of PUC Lua 5.3.6, in the same order, so listings can be compared with `luac -l -l`.

/// How an instruction's operands are laid out (`enum OpMode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpMode {
    /// A, B, C.
    IAbc,
    /// A and an unsigned 18-bit Bx.
    IAbx,
    /// A and a signed 18-bit sBx.
    IAsBx,
    /// A single 26-bit Ax.
    IAx,
}

/// What an operand B or C means (`enum OpArgMask`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpArg {
    /// Not used.
    N,
    /// Used, with no register or constant meaning.
    U,
    /// A register or a jump offset.
    R,
    /// A constant or a register (RK).
    K,
}

macro_rules! opcodes {
    ($( $name:ident, $text:literal, $test:literal, $sets_a:literal, $b:ident, $c:ident, $mode:ident, $doc:literal; )*) => {
        /// An opcode. The doc line of each is PUC's description of what it does.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum OpCode {
            $( #[doc = $doc] $name, )*
        }

        impl OpCode {
            /// Every opcode, in numbering order.
            pub const ALL: &'static [OpCode] = &[$(OpCode::$name,)*];

            /// The name `luac` prints (`luaP_opnames`).
            pub fn name(self) -> &'static str {
                match self { $(OpCode::$name => $text,)* }
            }

            /// Whether the next instruction is a jump taken on the test's outcome (`testTMode`).
            pub fn is_test(self) -> bool {
                match self { $(OpCode::$name => $test,)* }
            }

            /// Whether the instruction writes register A (`testAMode`).
            pub fn sets_a(self) -> bool {
                match self { $(OpCode::$name => $sets_a,)* }
            }

            /// The meaning of operand B (`getBMode`).
            pub fn b_mode(self) -> OpArg {
                match self { $(OpCode::$name => OpArg::$b,)* }
            }

            /// The meaning of operand C (`getCMode`).
            pub fn c_mode(self) -> OpArg {
                match self { $(OpCode::$name => OpArg::$c,)* }
            }

            /// The operand layout (`getOpMode`).
            pub fn mode(self) -> OpMode {
                match self { $(OpCode::$name => OpMode::$mode,)* }
            }
        }
    };
}

opcodes! {
    Move, "MOVE", false, true, R, N, IAbc, "R(A) := R(B)";
    LoadK, "LOADK", false, true, K, N, IAbx, "R(A) := Kst(Bx)";
    LoadKx, "LOADKX", false, true, N, N, IAbx, "R(A) := Kst(extra arg)";
    LoadBool, "LOADBOOL", false, true, U, U, IAbc, "R(A) := (Bool)B; if (C) pc++";
    LoadNil, "LOADNIL", false, true, U, N, IAbc, "R(A), R(A+1), ..., R(A+B) := nil";
    GetUpval, "GETUPVAL", false, true, U, N, IAbc, "R(A) := UpValue[B]";
    GetTabUp, "GETTABUP", false, true, U, K, IAbc, "R(A) := UpValue[B][RK(C)]";
    GetTable, "GETTABLE", false, true, R, K, IAbc, "R(A) := R(B)[RK(C)]";
    SetTabUp, "SETTABUP", false, false, K, K, IAbc, "UpValue[A][RK(B)] := RK(C)";
    SetUpval, "SETUPVAL", false, false, U, N, IAbc, "UpValue[B] := R(A)";
    SetTable, "SETTABLE", false, false, K, K, IAbc, "R(A)[RK(B)] := RK(C)";
    NewTable, "NEWTABLE", false, true, U, U, IAbc, "R(A) := {} (size = B,C)";
    SelfOp, "SELF", false, true, R, K, IAbc, "R(A+1) := R(B); R(A) := R(B)[RK(C)]";
    Add, "ADD", false, true, K, K, IAbc, "R(A) := RK(B) + RK(C)";
    Sub, "SUB", false, true, K, K, IAbc, "R(A) := RK(B) - RK(C)";
    Mul, "MUL", false, true, K, K, IAbc, "R(A) := RK(B) * RK(C)";
    Mod, "MOD", false, true, K, K, IAbc, "R(A) := RK(B) % RK(C)";
    Pow, "POW", false, true, K, K, IAbc, "R(A) := RK(B) ^ RK(C)";
    Div, "DIV", false, true, K, K, IAbc, "R(A) := RK(B) / RK(C)";
    IDiv, "IDIV", false, true, K, K, IAbc, "R(A) := RK(B) // RK(C)";
    BAnd, "BAND", false, true, K, K, IAbc, "R(A) := RK(B) & RK(C)";
    BOr, "BOR", false, true, K, K, IAbc, "R(A) := RK(B) | RK(C)";
    BXor, "BXOR", false, true, K, K, IAbc, "R(A) := RK(B) ~ RK(C)";
    Shl, "SHL", false, true, K, K, IAbc, "R(A) := RK(B) << RK(C)";
    Shr, "SHR", false, true, K, K, IAbc, "R(A) := RK(B) >> RK(C)";
    Unm, "UNM", false, true, R, N, IAbc, "R(A) := -R(B)";
    BNot, "BNOT", false, true, R, N, IAbc, "R(A) := ~R(B)";
    Not, "NOT", false, true, R, N, IAbc, "R(A) := not R(B)";
    Len, "LEN", false, true, R, N, IAbc, "R(A) := length of R(B)";
    Concat, "CONCAT", false, true, R, R, IAbc, "R(A) := R(B).. ... ..R(C)";
    Jmp, "JMP", false, false, R, N, IAsBx, "pc+=sBx; if (A) close all upvalues >= R(A - 1)";
    Eq, "EQ", true, false, K, K, IAbc, "if ((RK(B) == RK(C)) ~= A) then pc++";
    Lt, "LT", true, false, K, K, IAbc, "if ((RK(B) <  RK(C)) ~= A) then pc++";
    Le, "LE", true, false, K, K, IAbc, "if ((RK(B) <= RK(C)) ~= A) then pc++";
    Test, "TEST", true, false, N, U, IAbc, "if not (R(A) <=> C) then pc++";
    TestSet, "TESTSET", true, true, R, U, IAbc, "if (R(B) <=> C) then R(A) := R(B) else pc++";
    Call, "CALL", false, true, U, U, IAbc, "R(A), ... ,R(A+C-2) := R(A)(R(A+1), ... ,R(A+B-1))";
    TailCall, "TAILCALL", false, true, U, U, IAbc, "return R(A)(R(A+1), ... ,R(A+B-1))";
    Return, "RETURN", false, false, U, N, IAbc, "return R(A), ... ,R(A+B-2)";
    ForLoop, "FORLOOP", false, true, R, N, IAsBx, "R(A)+=R(A+2); if R(A) <?= R(A+1) then { pc+=sBx; R(A+3)=R(A) }";
    ForPrep, "FORPREP", false, true, R, N, IAsBx, "R(A)-=R(A+2); pc+=sBx";
    TForCall, "TFORCALL", false, false, N, U, IAbc, "R(A+3), ... ,R(A+2+C) := R(A)(R(A+1), R(A+2))";
    TForLoop, "TFORLOOP", false, true, R, N, IAsBx, "if R(A+1) ~= nil then { R(A)=R(A+1); pc += sBx }";
    SetList, "SETLIST", false, false, U, U, IAbc, "R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B";
    Closure, "CLOSURE", false, true, U, N, IAbx, "R(A) := closure(KPROTO[Bx])";
    VarArg, "VARARG", false, true, U, N, IAbc, "R(A), R(A+1), ..., R(A+B-2) = vararg";
    ExtraArg, "EXTRAARG", false, false, U, U, IAx, "extra (larger) argument for previous opcode";
}

impl OpCode {
    /// The opcode numbered `value`, if there is one.
    pub fn from_u8(value: u8) -> Option<OpCode> {
        OpCode::ALL.get(value as usize).copied()
    }
}
