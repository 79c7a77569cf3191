package org.conflictledger.events.imports;

/**
 * What an import sent with an Idempotency-Key found under its key.
 *
 * @param job         the job under the key
 * @param synchronous the job's client waits for the report (200) rather than for a job (202)
 * @param claimed     this request runs the job (it is new, or was taken over); false: an earlier request runs or
 *                    ran it, and this one answers with what that one answered
 */
public record ImportClaim(ImportJob job, boolean synchronous, boolean claimed) {
}
