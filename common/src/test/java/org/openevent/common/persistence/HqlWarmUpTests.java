package org.openevent.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.hibernate.grammars.hql.HqlParser;
import org.hibernate.query.hql.internal.HqlParseTreeBuilder;
import org.junit.jupiter.api.Test;

/** The warm-up statements are valid HQL: a syntax error would warm nothing and only cost time. */
class HqlWarmUpTests {

    @Test
    void everyShapeParsesWithoutSyntaxErrors() {
        for (String hql : HqlWarmUp.SHAPES) {
            int[] errors = new int[1];
            HqlParser parser = HqlParseTreeBuilder.INSTANCE.buildHqlParser(hql,
                    HqlParseTreeBuilder.INSTANCE.buildHqlLexer(hql));
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.removeErrorListeners();
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int position,
                                        String message, RecognitionException e) {
                    errors[0]++;
                }
            });
            parser.statement();
            assertEquals(0, errors[0], hql);
        }
    }
}
