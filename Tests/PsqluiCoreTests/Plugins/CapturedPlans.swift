/// EXPLAIN output captured from PostgreSQL 15 (the test cluster, demo schema after
/// ANALYZE) with `psql -At -c "explain (format json[, analyze]) …"`.
enum CapturedPlans {
    /// `explain (format json, analyze) select c.name, count(*) from customers c join orders o
    /// on o.customer_id = c.id group by c.name order by 2 desc limit 5`
    static let analyzedJoin = #"""
[
  {
    "Plan": {
      "Node Type": "Limit",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 79.85,
      "Total Cost": 79.86,
      "Plan Rows": 5,
      "Plan Width": 20,
      "Actual Startup Time": 0.864,
      "Actual Total Time": 0.866,
      "Actual Rows": 5,
      "Actual Loops": 1,
      "Plans": [
        {
          "Node Type": "Sort",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 79.85,
          "Total Cost": 81.10,
          "Plan Rows": 500,
          "Plan Width": 20,
          "Actual Startup Time": 0.863,
          "Actual Total Time": 0.864,
          "Actual Rows": 5,
          "Actual Loops": 1,
          "Sort Key": ["(count(*)) DESC"],
          "Sort Method": "top-N heapsort",
          "Sort Space Used": 25,
          "Sort Space Type": "Memory",
          "Plans": [
            {
              "Node Type": "Aggregate",
              "Strategy": "Hashed",
              "Partial Mode": "Simple",
              "Parent Relationship": "Outer",
              "Parallel Aware": false,
              "Async Capable": false,
              "Startup Cost": 66.54,
              "Total Cost": 71.54,
              "Plan Rows": 500,
              "Plan Width": 20,
              "Actual Startup Time": 0.766,
              "Actual Total Time": 0.806,
              "Actual Rows": 500,
              "Actual Loops": 1,
              "Group Key": ["c.name"],
              "Planned Partitions": 0,
              "HashAgg Batches": 1,
              "Peak Memory Usage": 105,
              "Disk Usage": 0,
              "Plans": [
                {
                  "Node Type": "Hash Join",
                  "Parent Relationship": "Outer",
                  "Parallel Aware": false,
                  "Async Capable": false,
                  "Join Type": "Inner",
                  "Startup Cost": 17.25,
                  "Total Cost": 56.54,
                  "Plan Rows": 2000,
                  "Plan Width": 12,
                  "Actual Startup Time": 0.126,
                  "Actual Total Time": 0.484,
                  "Actual Rows": 2000,
                  "Actual Loops": 1,
                  "Inner Unique": true,
                  "Hash Cond": "(o.customer_id = c.id)",
                  "Plans": [
                    {
                      "Node Type": "Seq Scan",
                      "Parent Relationship": "Outer",
                      "Parallel Aware": false,
                      "Async Capable": false,
                      "Relation Name": "orders",
                      "Alias": "o",
                      "Startup Cost": 0.00,
                      "Total Cost": 34.00,
                      "Plan Rows": 2000,
                      "Plan Width": 4,
                      "Actual Startup Time": 0.005,
                      "Actual Total Time": 0.120,
                      "Actual Rows": 2000,
                      "Actual Loops": 1
                    },
                    {
                      "Node Type": "Hash",
                      "Parent Relationship": "Inner",
                      "Parallel Aware": false,
                      "Async Capable": false,
                      "Startup Cost": 11.00,
                      "Total Cost": 11.00,
                      "Plan Rows": 500,
                      "Plan Width": 16,
                      "Actual Startup Time": 0.107,
                      "Actual Total Time": 0.108,
                      "Actual Rows": 500,
                      "Actual Loops": 1,
                      "Hash Buckets": 1024,
                      "Original Hash Buckets": 1024,
                      "Hash Batches": 1,
                      "Original Hash Batches": 1,
                      "Peak Memory Usage": 34,
                      "Plans": [
                        {
                          "Node Type": "Seq Scan",
                          "Parent Relationship": "Outer",
                          "Parallel Aware": false,
                          "Async Capable": false,
                          "Relation Name": "customers",
                          "Alias": "c",
                          "Startup Cost": 0.00,
                          "Total Cost": 11.00,
                          "Plan Rows": 500,
                          "Plan Width": 16,
                          "Actual Startup Time": 0.004,
                          "Actual Total Time": 0.047,
                          "Actual Rows": 500,
                          "Actual Loops": 1
                        }
                      ]
                    }
                  ]
                }
              ]
            }
          ]
        }
      ]
    },
    "Planning Time": 0.706,
    "Triggers": [
    ],
    "Execution Time": 0.966
  }
]
"""#

    /// `explain (format json) select * from orders where id = 42`
    static let indexScan = #"""
[
  {
    "Plan": {
      "Node Type": "Index Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Scan Direction": "Forward",
      "Index Name": "orders_pkey",
      "Relation Name": "orders",
      "Alias": "orders",
      "Startup Cost": 0.28,
      "Total Cost": 8.29,
      "Plan Rows": 1,
      "Plan Width": 54,
      "Index Cond": "(id = 42)"
    }
  }
]
"""#
}
