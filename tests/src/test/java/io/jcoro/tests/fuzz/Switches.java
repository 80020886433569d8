package io.jcoro.tests.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every switch form on ints, chars, strings and enums: the old statement with fall-through, the
 * arrow statement, and switch expressions with yields in their arms (the last two not under
 * {@code --release 8}).
 */
final class Switches {
    private final Grammar g;
    private final GrammarState s;

    Switches(Grammar g) {
        this.g = g;
        this.s = g.state;
    }

    /** A switch selector and its case labels. */
    private record Selector(String expr, List<String> labels) {
    }

    private Selector selector(Ctx ctx) {
        switch (s.r.nextInt(4)) {
            case 0:
                return new Selector(g.expressions.expr(Ty.STRING, 1, ctx), List.of("\"a\"", "\"b\"", "\"t1\"", "\"\"", "\"null\""));
            case 1:
                return new Selector(g.expressions.expr(Ty.COLOR, 1, ctx), List.of("RED", "GREEN", "BLUE"));
            case 2:
                return new Selector(g.expressions.expr(Ty.CHAR, 1, ctx), List.of("'a'", "'b'", "'z'", "'0'"));
            default:
                return new Selector(s.r.nextBoolean() ? "Math.floorMod(" + g.expressions.expr(Ty.INT, 1, ctx) + ", 5)"
                        : "(int) (" + g.expressions.expr(Ty.INT, 1, ctx) + ")", List.of("0", "1", "2", "3", "-1", "7"));
        }
    }

    /** Distinct labels for the cases of a switch, each case one or two of them. */
    private List<List<String>> caseGroups(Selector sel, int max) {
        List<String> pool = new ArrayList<>(sel.labels);
        Collections.shuffle(pool, s.r);
        List<List<String>> groups = new ArrayList<>();
        int n = Math.min(pool.size(), 1 + s.r.nextInt(max));
        int used = 0;
        for (int i = 0; i < n && used < pool.size(); i++) {
            int take = (s.r.nextInt(4) == 0 && used + 2 <= pool.size()) ? 2 : 1;
            groups.add(pool.subList(used, used + take));
            used += take;
        }
        return groups;
    }

    void oldSwitch(Ctx ctx) {
        Selector sel = selector(ctx);
        s.line("switch (" + sel.expr + ") {");
        Ctx inner = ctx.switchStatement();
        for (List<String> group : caseGroups(sel, 3)) {
            for (String label : group) {
                s.line("    case " + label + ":");
            }
            caseBody(inner);
        }
        if (s.r.nextBoolean()) {
            s.line("    default:");
            caseBody(inner);
        }
        s.line("}");
    }

    private void caseBody(Ctx inner) {
        s.indent++;
        s.line("{");
        s.indent++;
        s.line("Trace.e(\"case " + s.next() + "\");");
        g.statements.block(inner, g.statements.blockSize(inner));
        s.indent--;
        s.line("}");
        if (s.r.nextInt(3) != 0) {
            s.line("break;");
        }
        s.indent--;
    }

    void arrowSwitch(Ctx ctx) {
        if (s.release8) {
            oldSwitch(ctx);
            return;
        }
        Selector sel = selector(ctx);
        s.line("switch (" + sel.expr + ") {");
        Ctx inner = ctx.switchStatement();
        s.indent++;
        for (List<String> group : caseGroups(sel, 3)) {
            arrowArm("case " + String.join(", ", group), inner);
        }
        if (s.r.nextBoolean()) {
            arrowArm("default", inner);
        }
        s.indent--;
        s.line("}");
    }

    private void arrowArm(String head, Ctx inner) {
        if (s.r.nextInt(3) == 0) {
            s.budget(1);
            Ty t = s.anyType();
            s.line(head + " -> " + GrammarState.traced("arm" + s.next(), t, g.expressions.expr(t, 1, inner)) + ";");
            return;
        }
        s.line(head + " -> {");
        g.statements.nested(inner);
        s.line("}");
    }

    String switchExpression(Ty t, int depth, Ctx ctx) {
        Selector sel = selector(ctx);
        StringBuilder sb = new StringBuilder("switch (").append(sel.expr).append(") {\n");
        Ctx arm = ctx.arm();
        int saved = s.indent;
        s.indent += 2;
        for (List<String> group : caseGroups(sel, 3)) {
            sb.append(armOf("case " + String.join(", ", group), t, depth, arm));
        }
        sb.append(armOf("default", t, depth, arm));
        s.indent = saved;
        sb.append("    ".repeat(s.indent + 1)).append("}");
        return "(" + sb + ")";
    }

    /** One arm of a switch expression: an expression, or a block (with yields) ending in yield. */
    private String armOf(String head, Ty t, int depth, Ctx arm) {
        String pad = "    ".repeat(s.indent);
        if (s.r.nextBoolean()) {
            s.armNesting++;
            String e = g.expressions.expr(t, depth - 1, arm);
            s.armNesting--;
            return pad + head + " -> " + e + ";\n";
        }
        StringBuilder saved = s.takeText();
        int savedBudget = s.budget();
        s.armNesting++;
        s.indent++;
        s.locals.push();
        s.line("Trace.e(\"arm " + s.next() + "\");");
        g.statements.body(arm, 1 + s.r.nextInt(2));
        s.budget(1);
        // "yield (x)" would parse as a call of a method named yield: go through a local.
        String result = s.fresh("y");
        s.line(t.java + " " + result + " = " + g.expressions.expr(t, 1, arm) + ";");
        s.line("yield " + result + ";");
        s.locals.pop();
        s.indent--;
        s.armNesting--;
        String blockText = s.takeText().toString();
        s.restoreText(saved);
        s.budget(savedBudget);
        return pad + head + " -> {\n" + blockText + pad + "}\n";
    }
}
