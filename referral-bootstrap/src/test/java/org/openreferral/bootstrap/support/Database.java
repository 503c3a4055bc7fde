package org.openreferral.bootstrap.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct SQL for assertions about what is (and is not) stored. */
@ApplicationScoped
public class Database {

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The single number a query returns, e.g. a count. */
    public long number(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            result.next();
            return result.getLong(1);
        });
    }

    /** The single text a query returns, e.g. an id; null when there is no row. */
    public String text(String sql, Object... parameters) {
        return query(sql, parameters, result -> result.next() ? result.getString(1) : null);
    }

    /** Changes rows directly, as another instance or an operator would; the number of rows changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long usersWithEmail(String email) {
        return number("select count(*) from users where lower(email) = lower(?)", email);
    }

    private <T> T query(String sql, Object[] parameters, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return reader.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }
}
