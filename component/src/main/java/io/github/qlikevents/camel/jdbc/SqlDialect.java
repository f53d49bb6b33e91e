package io.github.qlikevents.camel.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What differs between the databases this component keeps its tables in: the types of a long text and of a 64-bit
 * integer column, and an expression for the database's clock in milliseconds since the epoch, UTC. Leases expire by
 * that clock alone, whatever the clocks of the replicas say.
 *
 * @param product     the start of the database's product name, as its JDBC driver reports it
 * @param textType    the type of a column of text of any length
 * @param integerType the type of a 64-bit integer column
 * @param nowMillis   the database's clock, in milliseconds since 1970-01-01T00:00:00Z
 */
public record SqlDialect(String product, String textType, String integerType, String nowMillis) {

    private static final String MYSQL_NOW = "CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)";
    private static final List<SqlDialect> KNOWN = List.of(
            new SqlDialect("PostgreSQL", "TEXT", "BIGINT",
                    "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)"),
            new SqlDialect("MySQL", "LONGTEXT", "BIGINT", MYSQL_NOW),
            new SqlDialect("MariaDB", "LONGTEXT", "BIGINT", MYSQL_NOW),
            new SqlDialect("Microsoft SQL Server", "NVARCHAR(MAX)", "BIGINT",
                    "DATEDIFF_BIG(MILLISECOND, '1970-01-01', SYSUTCDATETIME())"),
            new SqlDialect("Oracle", "CLOB", "NUMBER(19)",
                    "ROUND((CAST(SYS_EXTRACT_UTC(SYSTIMESTAMP) AS DATE) - DATE '1970-01-01') * 86400000)"),
            new SqlDialect("H2", "CLOB", "BIGINT",
                    "DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', CURRENT_TIMESTAMP)"));

    /** The database's clock plus a parameter of milliseconds: when a lease taken or renewed now ends. */
    public String nowPlusParameter() {
        return "(" + nowMillis + " + ?)";
    }

    /** The dialect of the database whose product name its driver reports as {@code productName}. */
    public static SqlDialect of(String productName) {
        return KNOWN.stream().filter(dialect -> productName.startsWith(dialect.product())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The database " + productName + " is not one this "
                                                             + "component keeps leases in: use one of "
                                                             + KNOWN.stream().map(SqlDialect::product)
                                                                     .collect(Collectors.joining(", "))));
    }
}
