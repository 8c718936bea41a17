-- How a finished program ended: declined at intake, rejected in review, or the owner's
-- continue / improve / retire after evaluation (null while it runs, or when canceled).
alter table learning_program add column outcome varchar(40);
