package org.conflictledger.dataset;

/** The API did not answer at all (refused, timed out, connection lost). */
public class ApiUnreachableException extends RuntimeException {
    ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
