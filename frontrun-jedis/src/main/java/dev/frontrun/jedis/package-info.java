/**
 * Redis key-level conflict detection for Jedis: not implemented yet. Commands will be classified as reads or
 * writes of their keys, so that exploration reorders only the commands that touch the same key.
 */
package dev.frontrun.jedis;
