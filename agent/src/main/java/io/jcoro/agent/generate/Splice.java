package io.jcoro.agent.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;

/**
 * The code generators' output for one method, before it touches the method: instruction lists
 * to put at its start, around or in place of instructions named by their position, and at its
 * end; exception handlers to redirect; stack to add. The {@link Splicer} applies it.
 */
public final class Splice {
    /** Where an edit goes relative to its instruction. */
    enum Where { BEFORE, AFTER, INSTEAD }

    /** Code for one instruction, which is named by its index before any edit. */
    record Edit(int index, Where where, InsnList code) {
    }

    final InsnList start = new InsnList();
    final List<Edit> edits = new ArrayList<>();
    final InsnList end = new InsnList();
    final Map<LabelNode, LabelNode> handlerRedirects = new LinkedHashMap<>();
    int extraStack;

    /** @param code put at the method's start, before everything else @return this */
    public Splice atStart(InsnList code) {
        start.add(code);
        return this;
    }

    /** @param index an instruction's position @param code put before it @return this */
    public Splice before(int index, InsnList code) {
        edits.add(new Edit(index, Where.BEFORE, code));
        return this;
    }

    /** @param index an instruction's position @param code put after it @return this */
    public Splice after(int index, InsnList code) {
        edits.add(new Edit(index, Where.AFTER, code));
        return this;
    }

    /** @param index an instruction's position @param code put in its place @return this */
    public Splice instead(int index, InsnList code) {
        edits.add(new Edit(index, Where.INSTEAD, code));
        return this;
    }

    /** @param code appended after the method's code @return this */
    public Splice atEnd(InsnList code) {
        end.add(code);
        return this;
    }

    /** @param handler a handler of the method's exception table @param to where it goes instead @return this */
    public Splice redirectHandler(LabelNode handler, LabelNode to) {
        handlerRedirects.put(handler, to);
        return this;
    }

    /**
     * For a method whose frames are not recomputed: the stack its new code needs beyond the old.
     *
     * @param words operand stack words
     * @return this
     */
    public Splice growStack(int words) {
        extraStack += words;
        return this;
    }
}
