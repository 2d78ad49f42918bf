WITH "segc#t" AS MATERIALIZED (SELECT *, row_number() OVER () AS "segc#row" FROM "param_output"),
"segc#r0" AS MATERIALIZED (SELECT *,
    CAST("x" AS DOUBLE PRECISION) AS "segc#4"
  FROM "segc#t"),
"segc#r1" AS MATERIALIZED (SELECT *,
    CASE WHEN abs("segc#4") < CAST('4.49423283715579e+307' AS DOUBLE PRECISION) AND abs(CAST('0.3' AS DOUBLE PRECISION)) < CAST('4.49423283715579e+307' AS DOUBLE PRECISION) THEN "segc#4" + CAST('0.3' AS DOUBLE PRECISION) WHEN abs(CAST('0.3' AS DOUBLE PRECISION)) < CAST('9.332636185032189e-302' AS DOUBLE PRECISION) THEN "segc#4" WHEN abs("segc#4") < CAST('9.332636185032189e-302' AS DOUBLE PRECISION) THEN CAST('0.3' AS DOUBLE PRECISION) WHEN abs("segc#4" / 2 + CAST('0.3' AS DOUBLE PRECISION) / 2) <= CAST('8.988465674311579e+307' AS DOUBLE PRECISION) THEN 2 * ("segc#4" / 2 + CAST('0.3' AS DOUBLE PRECISION) / 2) END AS "segc#5"
  FROM "segc#r0"),
"segc#d0" AS (SELECT CASE WHEN quantile_cont("segc#5", CAST('0.5' AS DOUBLE PRECISION)) = 0 THEN CASE WHEN (CAST('0.5' AS DOUBLE PRECISION) * CAST(count("segc#5") - 1 AS DOUBLE PRECISION)) = floor((CAST('0.5' AS DOUBLE PRECISION) * CAST(count("segc#5") - 1 AS DOUBLE PRECISION))) AND (CAST('0.5' AS DOUBLE PRECISION) * CAST(count("segc#5") - 1 AS DOUBLE PRECISION)) < count(CASE WHEN "segc#5" < 0 OR ("segc#5" = 0 AND atan2("segc#5", -1) < 0) THEN 1 END) THEN CAST('-0' AS DOUBLE PRECISION) ELSE CAST('0' AS DOUBLE PRECISION) END ELSE quantile_cont("segc#5", CAST('0.5' AS DOUBLE PRECISION)) END AS "c1" FROM "segc#r1"),
"segc#r2" AS MATERIALIZED (SELECT *,
    CASE WHEN "segc#5" IS NOT NULL THEN CAST(1 + CASE WHEN "segc#5" > (SELECT "c1" FROM "segc#d0") THEN 1 ELSE 0 END AS BIGINT) END AS "segc#6"
  FROM "segc#r1"),
"segc#out" AS (SELECT "id",
  CAST('0.3' AS DOUBLE PRECISION) AS "segc#o0",
  CAST("segc#6" AS DOUBLE PRECISION) AS "segc#o1",
  CAST(CASE WHEN "segc#5" IS NULL AND "segc#4" IS NOT NULL AND CAST('0.3' AS DOUBLE PRECISION) IS NOT NULL THEN 1 ELSE 0 END AS BIGINT) AS "segc_overflows",
  "segc#row"
FROM "segc#r2")
SELECT count(*) AS "rows",
  count("segc#o0") AS "s.count", COALESCE(sum("segc#o0" ORDER BY "segc#row"), 0) AS "s.sum", min("segc#o0") AS "s.min", max("segc#o0") AS "s.max", sum("segc#o0" ORDER BY "segc#row") / NULLIF(count("segc#o0"), 0) AS "s.mean",
  count("segc#o1") AS "tile.count", COALESCE(sum("segc#o1" ORDER BY "segc#row"), 0) AS "tile.sum", min("segc#o1") AS "tile.min", max("segc#o1") AS "tile.max", sum("segc#o1" ORDER BY "segc#row") / NULLIF(count("segc#o1"), 0) AS "tile.mean",
  COALESCE(sum("segc_overflows"), 0) AS "overflows"
FROM "segc#out";
