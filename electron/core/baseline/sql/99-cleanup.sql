-- The compact training copy is only needed while baselines are built.
DROP TABLE IF EXISTS det_train;
DROP TABLE IF EXISTS det_keys;
