-- Decisions recorded from task listener jobs carry the job key: a redelivered job adds no second row.
-- Null for decisions recorded otherwise (unique indexes allow many nulls in H2 and PostgreSQL).
ALTER TABLE program_decision ADD COLUMN job_key BIGINT;
CREATE UNIQUE INDEX program_decision_job_key_idx ON program_decision (job_key);
