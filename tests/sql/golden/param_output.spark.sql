WITH `segc#t` AS (SELECT *, monotonically_increasing_id() AS `segc#row` FROM `param_output`),
`segc#r0` AS (SELECT *,
    CAST(`x` AS DOUBLE) AS `segc#4`
  FROM `segc#t`),
`segc#r1` AS (SELECT *,
    CASE WHEN abs(`segc#4`) < CAST('4.49423283715579e+307' AS DOUBLE) AND abs(CAST('0.3' AS DOUBLE)) < CAST('4.49423283715579e+307' AS DOUBLE) THEN `segc#4` + CAST('0.3' AS DOUBLE) WHEN abs(CAST('0.3' AS DOUBLE)) < CAST('9.332636185032189e-302' AS DOUBLE) THEN `segc#4` WHEN abs(`segc#4`) < CAST('9.332636185032189e-302' AS DOUBLE) THEN CAST('0.3' AS DOUBLE) WHEN abs(`segc#4` / 2 + CAST('0.3' AS DOUBLE) / 2) <= CAST('8.988465674311579e+307' AS DOUBLE) THEN 2 * (`segc#4` / 2 + CAST('0.3' AS DOUBLE) / 2) END AS `segc#5`
  FROM `segc#r0`),
`segc#d0` AS (SELECT CASE WHEN percentile_cont(CAST('0.5' AS DOUBLE)) WITHIN GROUP (ORDER BY `segc#5`) = 0 THEN CASE WHEN (CAST('0.5' AS DOUBLE) * CAST(count(`segc#5`) - 1 AS DOUBLE)) = floor((CAST('0.5' AS DOUBLE) * CAST(count(`segc#5`) - 1 AS DOUBLE))) AND (CAST('0.5' AS DOUBLE) * CAST(count(`segc#5`) - 1 AS DOUBLE)) < count(CASE WHEN `segc#5` < 0 OR (`segc#5` = 0 AND atan2(`segc#5`, -1) < 0) THEN 1 END) THEN CAST('-0' AS DOUBLE) ELSE CAST('0' AS DOUBLE) END ELSE percentile_cont(CAST('0.5' AS DOUBLE)) WITHIN GROUP (ORDER BY `segc#5`) END AS `c1` FROM `segc#r1`),
`segc#r2` AS (SELECT *,
    CASE WHEN `segc#5` IS NOT NULL THEN CAST(1 + CASE WHEN `segc#5` > (SELECT `c1` FROM `segc#d0`) THEN 1 ELSE 0 END AS BIGINT) END AS `segc#6`
  FROM `segc#r1`)
SELECT `id`,
  CAST('0.3' AS DOUBLE) AS `s`,
  CAST(`segc#6` AS DOUBLE) AS `tile`,
  CAST(CASE WHEN `segc#5` IS NULL AND `segc#4` IS NOT NULL AND CAST('0.3' AS DOUBLE) IS NOT NULL THEN 1 ELSE 0 END AS BIGINT) AS `segc_overflows`
FROM `segc#r2`
ORDER BY `id`;
