package org.tongxin.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identity of a proposal to another organ (the instance key of its steps on the ledger). */
public record ProposalId(UUID value) {

    @JsonCreator
    public static ProposalId of(UUID value) {
        return new ProposalId(value);
    }

    public static ProposalId random() {
        return new ProposalId(UUID.randomUUID());
    }

    @JsonValue
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
