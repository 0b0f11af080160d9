package com.thesisscreener.rules.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Bounds the length of every piece of text rule code builds. Without loops text can still grow without
 * bound by joining a joined text again ({@code s = s + s} thirty times is a billion characters), so each
 * text value carries an upper bound on its length, worked out instruction by instruction: a literal is
 * its length, a fact's text field and a formatter's result have known limits, a join is the sum of its
 * parts, a call into another rule function is that function's bound. A bound past {@link #MAX_LENGTH}
 * refuses the rule set.
 */
final class TextGrowth {

    /** Longest text rule code may build: a finding's sentence is a line or two, never pages. */
    static final long MAX_LENGTH = 100_000;
    /** Text fields of a fact (ticker, name) are bounded by the import and REST limits, far below this. */
    static final long FACT_TEXT = 10_000;
    /** A fact written out whole ({@code "" + company}): every field, each at most {@link #FACT_TEXT}. */
    static final long FACT_WHOLE = 40 * FACT_TEXT;
    /** Longest text a rule function may be passed; longer arguments are refused where the call is made. */
    static final long PARAMETER_TEXT = FACT_TEXT;
    /** A number, a yes/no, an enum name or a formatted figure. */
    static final long SHORT_TEXT = 64;

    private final Map<String, ClassNode> classes;
    private final BiFunction<String, String, CompiledRuleVerifier.Origin> origins;
    private final Map<String, Long> returnBounds = new HashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final java.util.Set<String> refusedMethods = new java.util.HashSet<>();

    private TextGrowth(Map<String, ClassNode> classes, BiFunction<String, String, CompiledRuleVerifier.Origin> origins) {
        this.classes = classes;
        this.origins = origins;
    }

    /** Refusals for text that can grow past {@link #MAX_LENGTH}; the classes are known to hold no loop or recursion. */
    static List<Refusal> check(Map<String, ClassNode> classes, BiFunction<String, String, CompiledRuleVerifier.Origin> origins) {
        TextGrowth growth = new TextGrowth(classes, origins);
        for (ClassNode type : classes.values()) {
            for (MethodNode method : type.methods) {
                growth.returnBound(type, method);
                if (!growth.refusals.isEmpty()) return growth.refusals;
            }
        }
        return growth.refusals;
    }

    private long returnBound(ClassNode type, MethodNode method) {
        String key = type.name + "." + method.name + method.desc;
        Long known = returnBounds.get(key);
        if (known != null) return known;
        returnBounds.put(key, MAX_LENGTH + 1); // never read: the call graph has no cycle
        Lengths lengths = new Lengths(type, method);
        try {
            new Analyzer<>(lengths).analyze(type.name, method);
        } catch (AnalyzerException unreadable) {
            refuse(type, method, "rule code could not be checked: " + unreadable.getMessage());
        }
        returnBounds.put(key, lengths.returned);
        return lengths.returned;
    }

    private long calleeBound(String owner, String name, String descriptor) {
        ClassNode type = classes.get(owner);
        while (type != null) {
            for (MethodNode method : type.methods) {
                if (method.name.equals(name) && method.desc.equals(descriptor)) return returnBound(type, method);
            }
            type = type.superName == null ? null : classes.get(type.superName);
        }
        return -1;
    }

    private void refuse(ClassNode type, MethodNode method, String message) {
        if (!refusedMethods.add(type.name + "." + method.name + method.desc)) return; // one refusal a method is enough to act on
        CompiledRuleVerifier.Origin origin = origins.apply(type.name, method.name);
        refusals.add(new Refusal(origin.rule(), origin.function(), null, message));
    }

    /** A value during the analysis: its kind for the verifier's type checks, and for text, an upper bound on its length. */
    record Bounded(BasicValue basic, long length) implements Value {
        @Override
        public int getSize() {
            return basic.getSize();
        }
    }

    /** Works out a length bound for every text value of one method. */
    private final class Lengths extends Interpreter<Bounded> {
        private final BasicInterpreter basic = new BasicInterpreter();
        private final ClassNode type;
        private final MethodNode method;
        long returned;

        Lengths(ClassNode type, MethodNode method) {
            super(Opcodes.ASM9);
            this.type = type;
            this.method = method;
        }

        private Bounded of(BasicValue value, long length) {
            return value == null ? null : new Bounded(value, length);
        }

        @Override
        public Bounded newValue(Type valueType) {
            // Text a method is passed is at most PARAMETER_TEXT long: calls into rule code are checked for that.
            return of(basic.newValue(valueType), valueType != null && isText(valueType) ? PARAMETER_TEXT : 0);
        }

        @Override
        public Bounded newOperation(AbstractInsnNode insn) throws AnalyzerException {
            long length = insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text ? text.length() : 4;
            return of(basic.newOperation(insn), length);
        }

        @Override
        public Bounded copyOperation(AbstractInsnNode insn, Bounded value) throws AnalyzerException {
            return of(basic.copyOperation(insn, value.basic()), value.length());
        }

        @Override
        public Bounded unaryOperation(AbstractInsnNode insn, Bounded value) throws AnalyzerException {
            long length = insn.getOpcode() == Opcodes.CHECKCAST ? Math.max(value.length(), FACT_TEXT)
                    : insn.getOpcode() == Opcodes.GETFIELD ? FACT_TEXT : 0;
            return of(basic.unaryOperation(insn, value.basic()), length);
        }

        @Override
        public Bounded binaryOperation(AbstractInsnNode insn, Bounded first, Bounded second) throws AnalyzerException {
            return of(basic.binaryOperation(insn, first.basic(), second.basic()), 0);
        }

        @Override
        public Bounded ternaryOperation(AbstractInsnNode insn, Bounded first, Bounded second, Bounded third) throws AnalyzerException {
            return of(basic.ternaryOperation(insn, first.basic(), second.basic(), third.basic()), 0);
        }

        @Override
        public Bounded naryOperation(AbstractInsnNode insn, List<? extends Bounded> values) throws AnalyzerException {
            List<BasicValue> basics = values.stream().map(Bounded::basic).toList();
            BasicValue result = basic.naryOperation(insn, basics);
            long length = 0;
            if (insn instanceof InvokeDynamicInsnNode dynamic && isConcat(dynamic.bsm)) {
                length = joined(dynamic, values);
            } else if (insn instanceof MethodInsnNode call) {
                checkArguments(call, values);
                if (isText(Type.getReturnType(call.desc))) length = returnedText(call, values);
            } else if (insn instanceof InvokeDynamicInsnNode) {
                length = 0;
            }
            if (length > MAX_LENGTH) {
                refuse(type, method, "rule code may not build text longer than " + MAX_LENGTH + " characters (text joined to itself "
                        + "again and again): build each sentence once from the facts and the Phrases formatters");
                length = MAX_LENGTH;
            }
            return of(result, length);
        }

        /** Text passed into rule code must fit its parameters' bound, or nesting calls would grow it without limit. */
        private void checkArguments(MethodInsnNode call, List<? extends Bounded> values) {
            if (!classes.containsKey(call.owner)) return;
            int first = call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1;
            Type[] parameters = Type.getArgumentTypes(call.desc);
            for (int i = 0; i < parameters.length; i++) {
                if (isText(parameters[i]) && values.get(first + i).length() > PARAMETER_TEXT) {
                    refuse(type, method, "rule code may not pass text longer than " + PARAMETER_TEXT + " characters to " + call.name
                            + "(...) (text joined to itself again and again): build each sentence once from the facts and the Phrases formatters");
                }
            }
        }

        private long joined(InvokeDynamicInsnNode dynamic, List<? extends Bounded> values) {
            long length = 0;
            for (Object argument : dynamic.bsmArgs) {
                if (argument instanceof String recipe) length += recipe.length();
            }
            Type[] parts = Type.getArgumentTypes(dynamic.desc);
            for (int i = 0; i < parts.length; i++) length += partLength(parts[i], values.get(i));
            return length;
        }

        private long partLength(Type part, Bounded value) {
            if (isText(part)) return value.length();
            if (part.getSort() != Type.OBJECT) return SHORT_TEXT;
            String name = part.getInternalName();
            if (name.startsWith("java/lang/") && !name.equals("java/lang/Object") && !name.equals("java/lang/CharSequence")) {
                return SHORT_TEXT; // boxed numbers and booleans
            }
            return name.startsWith("com/thesisscreener/screening/") ? FACT_WHOLE : Math.max(value.length(), MAX_LENGTH + 1);
        }

        private long returnedText(MethodInsnNode call, List<? extends Bounded> values) {
            long inModule = calleeBound(call.owner, call.name, call.desc);
            if (inModule >= 0) return inModule;
            boolean onText = call.getOpcode() != Opcodes.INVOKESTATIC && !values.isEmpty() && isText(Type.getObjectType(call.owner));
            if (onText) return values.get(0).length(); // strip, trim, toString: never longer than the text itself
            if (call.owner.equals("java/lang/String") && call.name.equals("valueOf")) {
                Type argument = Type.getArgumentTypes(call.desc)[0];
                return isText(argument) || argument.getSort() == Type.OBJECT ? Math.max(values.get(0).length(), SHORT_TEXT) : SHORT_TEXT;
            }
            if (call.owner.startsWith("com/thesisscreener/screening/")) {
                return call.name.equals("toString") ? FACT_WHOLE : call.name.equals("describe") ? 4 * FACT_TEXT : FACT_TEXT;
            }
            return SHORT_TEXT;
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Bounded value, Bounded expected) throws AnalyzerException {
            if (isText(Type.getReturnType(method.desc))) returned = Math.max(returned, value.length());
        }

        @Override
        public Bounded merge(Bounded first, Bounded second) {
            BasicValue merged = basic.merge(first.basic(), second.basic());
            long length = Math.max(first.length(), second.length());
            return merged.equals(first.basic()) && length == first.length() ? first : new Bounded(merged, length);
        }
    }

    private static boolean isConcat(Handle bootstrap) {
        return bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory");
    }

    private static boolean isText(Type type) {
        return type.getSort() == Type.OBJECT && (type.getInternalName().equals("java/lang/String")
                || type.getInternalName().equals("java/lang/CharSequence"));
    }
}
