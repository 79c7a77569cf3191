package org.conflictledger.platform.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Lets Axon units of work run in Quarkus (Narayana) JTA transactions, so that the event store,
 * the token store and the Panache read models commit together on the one datasource. Joins a
 * transaction that is already running instead of starting a nested one.
 */
public class JtaTransactionManager implements TransactionManager {
    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final jakarta.transaction.TransactionManager jta;

    public JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return JOINED;
            }
            jta.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                            jta.rollback();
                            throw new IllegalStateException("Transaction was marked for rollback");
                        }
                        jta.commit();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not commit the transaction", e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                            jta.rollback();
                        }
                    } catch (SystemException e) {
                        throw new IllegalStateException("Could not roll back the transaction", e);
                    }
                }
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a transaction", e);
        }
    }
}
