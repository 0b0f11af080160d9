package com.thesisscreener.rules.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Checks the bytecode compiled from rule files before any of it is loaded. Rule files are untrusted code:
 * reading their text cannot tell every way Java spells a call, so this reads what the compiler produced.
 *
 * <ul>
 *   <li>Every reference (call, field, {@code new}, cast, class constant, method handle, {@code invokedynamic}
 *       bootstrap and target) must be to the generated classes themselves or on the {@link AllowList}.</li>
 *   <li>Every evaluation is bounded: no backward jumps (loops), no cycle among the generated methods
 *       (recursion), no arrays but the small constant-length ones generated code passes to varargs, a bounded
 *       number of steps along the whole call tree, and text that cannot grow without bound
 *       ({@link TextGrowth}).</li>
 * </ul>
 */
public final class CompiledRuleVerifier {

    /** Most bytecode steps one call into rule code may take, callees included (the shipped rules need under 2,000). */
    static final long MAX_STEPS = 200_000;
    /** Longest array generated code may create: the varargs of the rule model's builder calls. */
    static final int MAX_ARRAY_LENGTH = 255;
    static final String ALLOWED_SUMMARY = "rules may use only the fact fields, the scorecard, the Phrases formatters, Math and "
            + "plain text and number operations (see rules/README.md)";

    private static final String DSL = "org/drools/modelcompiler/dsl/pattern/D";
    private static final Set<String> BOOTSTRAPS = Set.of(
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory");

    private final AllowList allowList = AllowList.standard();

    /** Every refusal for the generated classes (class file name or internal name to bytes); empty when all pass. */
    public List<Refusal> verify(Map<String, byte[]> classFiles) {
        Map<String, ClassNode> classes = new LinkedHashMap<>();
        for (byte[] bytes : classFiles.values()) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            classes.put(node.name, node);
        }
        return new Run(classes).check();
    }

    /** One verification: the classes under check, where their code came from, and the call graph between them. */
    private final class Run {
        final Map<String, ClassNode> classes;
        final Map<String, String> ruleOfClass = new HashMap<>();
        final Map<String, String> ruleOfMethod = new HashMap<>();
        /** Calls from each generated method to generated methods, once per call site: a callee called four times costs four times. */
        final Map<String, List<String>> calls = new HashMap<>();
        final Map<String, Integer> ownSteps = new HashMap<>();
        final Set<String> refused = new LinkedHashSet<>();
        final List<Refusal> refusals = new ArrayList<>();

        Run(Map<String, ClassNode> classes) {
            this.classes = classes;
            mapRules();
        }

        List<Refusal> check() {
            for (ClassNode type : classes.values()) {
                checkHierarchy(type);
                for (MethodNode method : type.methods) checkMethod(type, method);
            }
            if (refusals.isEmpty()) checkBounds();
            if (refusals.isEmpty()) {
                TextGrowth.check(classes, this::origin).forEach(refusals::add);
            }
            return refusals;
        }

        /** Finds which rule each generated lambda class and rule method belongs to, from the rule-building methods. */
        private void mapRules() {
            for (ClassNode type : classes.values()) {
                for (MethodNode method : type.methods) {
                    String rule = null;
                    for (AbstractInsnNode insn : method.instructions) {
                        if (insn instanceof MethodInsnNode call && call.owner.equals(DSL) && call.name.equals("rule")) {
                            rule = lastString(call);
                        }
                    }
                    if (rule == null) continue;
                    ruleOfMethod.put(type.name + "." + method.name, rule);
                    for (AbstractInsnNode insn : method.instructions) {
                        String referenced = insn instanceof FieldInsnNode field ? field.owner
                                : insn instanceof TypeInsnNode typeInsn ? typeInsn.desc
                                : insn instanceof MethodInsnNode call ? call.owner : null;
                        if (referenced != null && classes.containsKey(referenced) && isLambda(referenced)) {
                            ruleOfClass.putIfAbsent(referenced, rule);
                        }
                    }
                }
            }
        }

        /** Generated classes holding one condition, binding or consequence of a rule. */
        private boolean isLambda(String internalName) {
            return simpleName(internalName).startsWith("Lambda");
        }

        private String lastString(AbstractInsnNode from) {
            for (AbstractInsnNode insn = from.getPrevious(); insn != null; insn = insn.getPrevious()) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text) return text;
            }
            return null;
        }

        /** Where the code of a generated method came from: a rule, a function, or neither (the generated scaffolding). */
        Origin origin(String owner, String methodName) {
            String rule = ruleOfClass.get(owner);
            if (rule == null) rule = ruleOfMethod.get(owner + "." + methodName);
            if (rule == null && methodName.startsWith("lambda$")) {
                String enclosing = methodName.substring("lambda$".length(), Math.max("lambda$".length(), methodName.lastIndexOf('$')));
                rule = ruleOfMethod.get(owner + "." + enclosing);
            }
            if (rule != null) return new Origin(rule, null);
            ClassNode type = classes.get(owner);
            MethodNode method = type == null ? null : type.methods.stream().filter(m -> m.name.equals(methodName)).findFirst().orElse(null);
            boolean function = method != null && (method.access & Opcodes.ACC_STATIC) != 0 && !methodName.startsWith("<")
                    && !methodName.startsWith("rule_") && !methodName.startsWith("lambda$") && !methodName.startsWith("get")
                    && owner.substring(owner.lastIndexOf('/') + 1).startsWith("Rules");
            return new Origin(null, function ? methodName : null);
        }

        private void checkHierarchy(ClassNode type) {
            List<String> parents = new ArrayList<>(type.interfaces);
            if (type.superName != null) parents.add(type.superName);
            for (String parent : parents) {
                if (!classes.containsKey(parent) && !parent.equals("java/lang/Object") && !parent.equals("java/lang/Enum")
                        && !parent.startsWith("org/drools/model/") && !parent.equals("java/io/Serializable")
                        && !parent.equals("org/drools/modelcompiler/CanonicalKieModuleModel")) {
                    refuse(type, null, parent.replace('/', '.'), simpleName(parent),
                            "rule code may not extend or implement " + parent.replace('/', '.'));
                }
            }
        }

        private void checkMethod(ClassNode type, MethodNode method) {
            String key = type.name + "." + method.name + method.desc;
            calls.putIfAbsent(key, new ArrayList<>());
            int steps = 0;
            Map<LabelNode, Integer> labels = new HashMap<>();
            int index = 0;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof LabelNode label) labels.put(label, index);
                index++;
            }
            index = 0;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn.getOpcode() >= 0) steps++;
                checkInstruction(type, method, key, insn, index, labels);
                index++;
            }
            ownSteps.put(key, steps);
        }

        private void checkInstruction(ClassNode type, MethodNode method, String key, AbstractInsnNode insn, int index,
                Map<LabelNode, Integer> labels) {
            if (insn instanceof MethodInsnNode call) {
                checkCall(type, method, key, call.owner, call.name, call.desc);
            } else if (insn instanceof FieldInsnNode field) {
                checkField(type, method, field);
            } else if (insn instanceof TypeInsnNode typeInsn) {
                checkType(type, method, typeInsn);
            } else if (insn instanceof LdcInsnNode ldc) {
                checkConstant(type, method, key, ldc.cst);
            } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
                checkDynamic(type, method, key, dynamic);
            } else if (insn instanceof JumpInsnNode jump) {
                checkForward(type, method, index, labels.get(jump.label));
            } else if (insn instanceof TableSwitchInsnNode table) {
                checkForward(type, method, index, labels.get(table.dflt));
                table.labels.forEach(label -> checkForward(type, method, index, labels.get(label)));
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                checkForward(type, method, index, labels.get(lookup.dflt));
                lookup.labels.forEach(label -> checkForward(type, method, index, labels.get(label)));
            } else {
                checkOpcode(type, method, insn);
            }
        }

        private void checkOpcode(ClassNode type, MethodNode method, AbstractInsnNode insn) {
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.MULTIANEWARRAY || opcode == Opcodes.NEWARRAY) {
                refuse(type, method, "an array", null, "rule code may not create arrays: " + ALLOWED_SUMMARY);
            } else if (opcode == Opcodes.MONITORENTER || opcode == Opcodes.MONITOREXIT) {
                refuse(type, method, "synchronized", "synchronized", "rule code may not use 'synchronized': locks belong to the engine");
            }
        }

        private void checkForward(ClassNode type, MethodNode method, int from, Integer target) {
            if (target != null && target <= from) {
                refuse(type, method, "a loop", "(?:for|while|do)",
                        "rule code may not loop (for, while, do): every evaluation must end in a bounded number of steps; "
                                + "write a condition or a threshold function instead");
            }
        }

        private void checkCall(ClassNode type, MethodNode method, String key, String owner, String name, String desc) {
            String declared = declaringModuleClass(owner, name, desc, true);
            if (declared != null) {
                calls.get(key).add(declared + "." + name + desc);
                return;
            }
            String external = externalOwner(owner, name, desc, true);
            if (!allowList.allowsMember(external, name, desc)) {
                String what = name.equals("<init>") ? "new " + readable(external) + "(...)" : readable(external) + "." + name + "(...)";
                refuse(type, method, what, name.equals("<init>") ? simpleName(external) : name,
                        "rule code may not call " + what + ": " + ALLOWED_SUMMARY);
            }
        }

        private void checkField(ClassNode type, MethodNode method, FieldInsnNode field) {
            boolean write = field.getOpcode() == Opcodes.PUTFIELD || field.getOpcode() == Opcodes.PUTSTATIC;
            if (declaringModuleClass(field.owner, field.name, field.desc, false) != null) return;
            String external = externalOwner(field.owner, field.name, field.desc, false);
            if (write || !allowList.allowsMember(external, field.name, field.desc)) {
                String what = readable(external) + "." + field.name;
                refuse(type, method, what, field.name, "rule code may not " + (write ? "change " : "read ") + what + ": " + ALLOWED_SUMMARY);
            }
        }

        private void checkType(ClassNode type, MethodNode method, TypeInsnNode insn) {
            if (classes.containsKey(insn.desc)) return;
            if (insn.getOpcode() == Opcodes.ANEWARRAY) {
                Integer length = constantInt(insn.getPrevious());
                if (length == null || length > MAX_ARRAY_LENGTH || !allowList.allowsType(insn.desc)) {
                    refuse(type, method, "an array", null, "rule code may not create arrays: " + ALLOWED_SUMMARY);
                }
            } else if (!allowList.allowsType(insn.desc)) {
                String what = readable(insn.desc);
                refuse(type, method, what, simpleName(insn.desc), "rule code may not use " + what + ": " + ALLOWED_SUMMARY);
            }
        }

        private void checkConstant(ClassNode type, MethodNode method, String key, Object constant) {
            if (constant instanceof Type typeConstant && typeConstant.getSort() == Type.OBJECT
                    && !classes.containsKey(typeConstant.getInternalName()) && !allowList.allowsType(typeConstant.getInternalName())) {
                String what = readable(typeConstant.getInternalName());
                refuse(type, method, what, simpleName(typeConstant.getInternalName()), "rule code may not use " + what + ": " + ALLOWED_SUMMARY);
            } else if (constant instanceof Type typeConstant && typeConstant.getSort() == Type.ARRAY) {
                refuse(type, method, "an array", null, "rule code may not use array types: " + ALLOWED_SUMMARY);
            } else if (constant instanceof Handle handle) {
                checkHandle(type, method, key, handle);
            } else if (constant instanceof ConstantDynamic) {
                refuse(type, method, "a dynamic constant", null, "rule code may not use dynamic constants: " + ALLOWED_SUMMARY);
            }
        }

        private void checkDynamic(ClassNode type, MethodNode method, String key, InvokeDynamicInsnNode dynamic) {
            Handle bootstrap = dynamic.bsm;
            if (!BOOTSTRAPS.contains(bootstrap.getOwner() + "." + bootstrap.getName())) {
                String what = readable(bootstrap.getOwner()) + "." + bootstrap.getName() + "(...)";
                refuse(type, method, what, null, "rule code may not call " + what + ": " + ALLOWED_SUMMARY);
                return;
            }
            for (Object argument : dynamic.bsmArgs) checkConstant(type, method, key, argument);
        }

        /** A method reference or lambda body: the code it points at is reached as if it were called here. */
        private void checkHandle(ClassNode type, MethodNode method, String key, Handle handle) {
            boolean isField = handle.getTag() <= Opcodes.H_PUTSTATIC;
            if (isField) {
                refuse(type, method, readable(handle.getOwner()) + "." + handle.getName(), handle.getName(),
                        "rule code may not use field handles: " + ALLOWED_SUMMARY);
                return;
            }
            checkCall(type, method, key, handle.getOwner(), handle.getName(), handle.getDesc());
        }

        /** The generated class that declares the member, following superclasses inside the generated code; else null. */
        private String declaringModuleClass(String owner, String name, String desc, boolean isMethod) {
            ClassNode type = classes.get(owner);
            while (type != null) {
                boolean declares = isMethod
                        ? type.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(desc))
                        : type.fields.stream().anyMatch((FieldNode f) -> f.name.equals(name));
                if (declares) return type.name;
                type = type.superName == null ? null : classes.get(type.superName);
            }
            return null;
        }

        /** The first class outside the generated code on the member's lookup path: whose allow-list entry applies. */
        private String externalOwner(String owner, String name, String desc, boolean isMethod) {
            ClassNode type = classes.get(owner);
            String current = owner;
            while (type != null) {
                current = type.superName == null ? "java/lang/Object" : type.superName;
                type = classes.get(current);
            }
            return current;
        }

        /** No recursion (a cycle among generated methods) and a bounded number of steps along every call tree. */
        private void checkBounds() {
            Map<String, Long> total = new HashMap<>();
            Set<String> onPath = new HashSet<>();
            for (String method : calls.keySet()) {
                if (steps(method, total, onPath) < 0) return;
            }
        }

        private long steps(String method, Map<String, Long> total, Set<String> onPath) {
            Long known = total.get(method);
            if (known != null) return known;
            if (!onPath.add(method)) {
                refuseAt(method, "a recursive call", null, "rule code may not call itself, directly or through other functions "
                        + "(recursion): every evaluation must end in a bounded number of steps");
                return -1;
            }
            long sum = ownSteps.getOrDefault(method, 0);
            for (String callee : calls.getOrDefault(method, List.of())) {
                long calleeSteps = steps(callee, total, onPath);
                if (calleeSteps < 0) return -1;
                sum = Math.min(Long.MAX_VALUE / 4, sum + calleeSteps);
            }
            onPath.remove(method);
            if (sum > MAX_STEPS) {
                refuseAt(method, "too many steps", null, "rule code could take more than " + MAX_STEPS + " steps in one evaluation "
                        + "(functions calling functions many times over): simplify the rule or its functions");
                return -1;
            }
            total.put(method, sum);
            return sum;
        }

        private void refuseAt(String methodKey, String what, String token, String message) {
            String owner = methodKey.substring(0, methodKey.lastIndexOf('.', methodKey.indexOf('(')));
            String name = methodKey.substring(owner.length() + 1, methodKey.indexOf('('));
            Origin origin = origin(owner, name);
            refusals.add(new Refusal(origin.rule(), origin.function(), token, message));
        }

        private void refuse(ClassNode type, MethodNode method, String what, String token, String message) {
            Origin origin = method == null ? new Origin(ruleOfClass.get(type.name), null) : origin(type.name, method.name);
            String key = origin + "|" + message;
            if (refused.add(key)) refusals.add(new Refusal(origin.rule(), origin.function(), token, message));
        }
    }

    /** Where generated code came from: the rule or the function (at most one is set). */
    record Origin(String rule, String function) {
    }

    private static Integer constantInt(AbstractInsnNode insn) {
        if (insn == null) return null;
        int opcode = insn.getOpcode();
        if (opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5) return opcode - Opcodes.ICONST_0;
        if (insn instanceof IntInsnNode push && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)) return push.operand;
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer value) return value;
        return null;
    }

    static String readable(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
