package com.thesisscreener.rules.sandbox;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import com.thesisscreener.screening.VolumeCheck;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Everything outside the rule files' own generated classes that their code may reach: the fact model and
 * its accessors, the scorecard's recording methods, the {@code Phrases} formatters, {@code Math}, the few
 * {@code String}, boxing and {@code Objects} members that comparisons and string building compile to, and
 * the Drools members the executable model's generated scaffolding calls (derived from what the shipped
 * rules compile to). A member is named {@code owner.name} (any descriptor) or {@code owner.name(desc)}.
 */
final class AllowList {

    private static final String SCREENING = "com/thesisscreener/screening/";

    /** Members any generated code may use, keyed by internal class name; "*" allows every member of the class. */
    private final Map<String, Set<String>> members = new HashMap<>();
    /** Types generated code may name in casts, instanceof checks, class constants and arrays. */
    private final Set<String> types = new HashSet<>();

    private AllowList() {
    }

    static AllowList standard() {
        AllowList allow = new AllowList();
        allow.factModel();
        allow.textAndNumbers();
        allow.droolsScaffolding();
        return allow;
    }

    boolean allowsMember(String owner, String name, String descriptor) {
        Set<String> allowed = members.get(owner);
        return allowed != null && (allowed.contains("*") || allowed.contains(name) || allowed.contains(name + descriptor));
    }

    boolean allowsType(String internalName) {
        Type type = Type.getObjectType(internalName);
        while (type.getSort() == Type.ARRAY) type = type.getElementType();
        return type.getSort() != Type.OBJECT || types.contains(type.getInternalName()) || members.containsKey(type.getInternalName());
    }

    private void factModel() {
        // Record accessors and the derived figures, never the builder (a rule reads facts, it does not make companies).
        allowDeclared(Company.class, method -> !method.getReturnType().equals(Company.Builder.class));
        allowDeclared(VolumeCheck.class, method -> true);
        allow(SCREENING + "VolumeCheck", "<init>");
        for (Class<?> fact : new Class<?>[] {Segment.class, Band.class, SwitchingCost.class}) {
            allowDeclared(fact, method -> !method.getName().equals("values"));
            for (Object constant : fact.getEnumConstants()) allow(internal(fact), ((Enum<?>) constant).name());
            allow(internal(fact), "name", "ordinal", "compareTo", "equals", "hashCode", "toString");
        }
        allow(SCREENING + "Scorecard", "add", "cap", "scoreStartsAt", "bandFloor");
        allowDeclared(Phrases.class, method -> Modifier.isStatic(method.getModifiers()));
    }

    private void textAndNumbers() {
        allow("java/lang/Object", "<init>", "equals", "hashCode", "toString");
        allow("java/lang/String", "equals", "equalsIgnoreCase", "hashCode", "length", "isEmpty", "isBlank", "compareTo",
                "startsWith", "endsWith", "contains", "toString", "strip", "trim");
        for (String primitive : new String[] {"Z", "C", "I", "J", "F", "D", "Ljava/lang/Object;"}) {
            allow("java/lang/String", "valueOf(" + primitive + ")Ljava/lang/String;");
        }
        allow("java/lang/Math", "*");
        for (String boxed : new String[] {"Double", "Float", "Integer", "Long", "Short", "Byte", "Boolean", "Character"}) {
            allow("java/lang/" + boxed, "valueOf", "equals", "hashCode", "toString", "compare", "compareTo", "isNaN", "isInfinite",
                    "doubleValue", "floatValue", "intValue", "longValue", "shortValue", "byteValue", "booleanValue", "charValue",
                    "TYPE", "MAX_VALUE", "MIN_VALUE", "POSITIVE_INFINITY", "NEGATIVE_INFINITY", "NaN", "TRUE", "FALSE", "parseDouble",
                    "parseInt");
        }
        allow("java/lang/Number", "doubleValue", "floatValue", "intValue", "longValue", "shortValue", "byteValue");
        allow("java/util/Objects", "equals", "hashCode", "isNull", "nonNull", "requireNonNull(Ljava/lang/Object;)Ljava/lang/Object;",
                "requireNonNullElse");
        allow("java/lang/Enum", "<init>", "valueOf", "name", "ordinal", "compareTo", "equals", "hashCode", "toString");
        // Thrown by generated switch defaults and null checks; constructing an exception reaches nothing.
        for (String thrown : new String[] {"RuntimeException", "IllegalArgumentException", "IllegalStateException",
                "NullPointerException", "UnsupportedOperationException"}) {
            allow("java/lang/" + thrown, "<init>(Ljava/lang/String;)V", "<init>()V", "<init>(Ljava/lang/String;Ljava/lang/Throwable;)V",
                    "<init>(Ljava/lang/Throwable;)V");
        }
        types.addAll(Set.of("java/lang/Comparable", "java/lang/CharSequence", "java/lang/Iterable"));
    }

    /** What the executable model's generated rule classes, lambdas and project model call, and nothing more. */
    private void droolsScaffolding() {
        allow("org/drools/modelcompiler/dsl/pattern/D", "*");
        for (String dsl : new String[] {"PatternDSL$PatternDef", "PatternDSL$PatternDefImpl", "PatternDSL", "DSL",
                "impl/RuleBuilder", "view/ViewItem", "view/ExprViewItem", "consequences/ConsequenceBuilder$_0",
                "consequences/ConsequenceBuilder$_1", "consequences/ConsequenceBuilder$_2", "consequences/ConsequenceBuilder$_3",
                "consequences/ConsequenceBuilder$_4", "consequences/ConsequenceBuilder$_5", "consequences/ConsequenceBuilder$_6"}) {
            allow("org/drools/model/" + dsl, "*");
        }
        allow("org/drools/model/Index$ConstraintType", "*");
        allow("org/drools/model/operators/InOperator", "INSTANCE");
        allow("org/drools/model/functions/PredicateInformation", "<init>", "addRuleNames");
        allow("org/drools/model/DomainClassMetadata", "getPropertyIndex");
        allow("org/drools/model/Drools", "insert(Ljava/lang/Object;)V");
        allow("org/drools/modelcompiler/util/EvaluationUtil", "*");
        allow("org/drools/util/DateUtils", "getDateFormatMask");
        allow("java/time/format/DateTimeFormatterBuilder", "<init>()V", "appendPattern", "parseCaseInsensitive",
                "toFormatter(Ljava/util/Locale;)Ljava/time/format/DateTimeFormatter;", "toFormatter()Ljava/time/format/DateTimeFormatter;");
        allow("java/util/Locale", "ENGLISH");
        allow("java/util/ArrayList", "<init>()V", "<init>(I)V");
        allow("java/util/List", "add(Ljava/lang/Object;)Z");
        allow("java/util/Arrays", "asList");
        allow("java/util/Collections", "emptyList");
        allow("java/lang/System", "arraycopy");
        // The project model: a description of the one KieBase and its sessions.
        allow("org/kie/api/KieServices", "get", "newKieModuleModel");
        allow("org/kie/api/builder/model/KieModuleModel", "newKieBaseModel");
        allow("org/kie/api/builder/model/KieBaseModel", "addPackage", "newKieSessionModel", "setDefault", "setEventProcessingMode",
                "setMutability", "setEqualsBehavior", "setDeclarativeAgenda", "setSessionsPool");
        allow("org/kie/api/builder/model/KieSessionModel", "setClockType", "setDefault", "setType");
        allow("org/kie/api/builder/model/KieSessionModel$KieSessionType", "STATEFUL", "STATELESS");
        allow("org/kie/api/conf/EventProcessingOption", "CLOUD", "STREAM");
        allow("org/kie/api/conf/KieBaseMutabilityOption", "ALLOWED", "DISABLED");
        allow("org/kie/api/conf/EqualityBehaviorOption", "IDENTITY", "EQUALITY");
        allow("org/kie/api/runtime/conf/ClockTypeOption", "get");
        allow("org/kie/util/maven/support/ReleaseIdImpl", "<init>");
        types.addAll(Set.of("org/kie/api/runtime/rule/RuleContext", "org/drools/model/Model", "org/drools/model/Rule",
                "org/drools/model/RuleItemBuilder", "org/drools/model/Variable", "org/drools/model/Declaration",
                "org/drools/model/Global", "org/drools/model/TypeMetaData", "org/drools/model/EntryPoint", "org/drools/model/Query",
                "org/drools/model/DomainClassMetadata", "org/drools/model/Index", "org/drools/model/PatternDSL$PatternDef",
                "org/drools/model/view/ViewItem", "org/drools/model/impl/ModelImpl", "org/drools/model/functions/Predicate1",
                "org/drools/model/functions/Function1", "org/drools/model/functions/Block1", "org/drools/model/functions/Block2",
                "org/drools/model/functions/Block3", "org/drools/model/functions/PredicateInformation",
                "org/drools/model/functions/HashedExpression", "org/drools/model/functions/LambdaPrinter",
                "org/drools/modelcompiler/CanonicalKieModuleModel", "org/kie/api/builder/ReleaseId",
                "org/kie/api/builder/model/KieModuleModel", "java/util/List", "java/util/Collection", "java/lang/Class",
                "java/time/format/DateTimeFormatter"));
    }

    private void allow(String owner, String... names) {
        members.computeIfAbsent(owner, key -> new HashSet<>()).addAll(Arrays.asList(names));
    }

    private void allowDeclared(Class<?> type, java.util.function.Predicate<Method> keep) {
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && keep.test(method)) {
                allow(internal(type), method.getName() + Type.getMethodDescriptor(method));
            }
        }
    }

    private static String internal(Class<?> type) {
        return Type.getInternalName(type);
    }
}
