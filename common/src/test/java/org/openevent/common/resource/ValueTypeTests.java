package org.openevent.common.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Numbers as clients send them: out-of-range ones are 422s (InvalidValue), never exceptions of their own. */
class ValueTypeTests {

    @Test
    void numbersBeyondDoubleAreOutOfRangeForEveryNumericType() throws Exception {
        for (String huge : new String[] {"1e400", "-1e400"}) {
            JsonNode node = WriteDocuments.STRICT.readTree(huge);
            for (ValueType type : new ValueType[] {ValueType.INTEGER, ValueType.LONG, ValueType.DOUBLE}) {
                InvalidValue invalid = assertThrows(InvalidValue.class, () -> type.read(node), type + " " + huge);
                assertEquals("Number is out of range.", invalid.getMessage());
            }
        }
    }

    @Test
    void integralFloatsStillReadAsIntegers() throws Exception {
        assertEquals(3, ValueType.INTEGER.read(WriteDocuments.STRICT.readTree("3.0")));
        assertThrows(InvalidValue.class, () -> ValueType.INTEGER.read(WriteDocuments.STRICT.readTree("3.5")));
    }
}
