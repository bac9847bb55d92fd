/**
 * SQL-level conflict detection for JDBC: not implemented yet. Statements will be parsed with JSqlParser into
 * table and row accesses, so that exploration reorders only the statements that conflict.
 */
package dev.frontrun.jdbc;
