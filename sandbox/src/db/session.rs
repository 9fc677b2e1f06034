//! Sign-in sessions: one per minted token.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::util::Time;

#[derive(Debug, Clone)]
pub struct Session {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub device_name: String,
    pub ip_address: String,
    pub location: String,
    pub created_at: Time,
    pub last_accessed: Time,
    pub expires_at: Time,
    pub revoked: bool,
}

impl Session {
    pub fn is_live(&self, now: Time) -> bool {
        !self.revoked && self.expires_at > now
    }

    pub fn view(&self, current: Option<Uuid>) -> Value {
        json!({
            "id": self.id, "device_name": self.device_name,
            "ip_address": self.ip_address, "location": self.location,
            "created_at": self.created_at, "last_accessed": self.last_accessed,
            "expires_at": self.expires_at, "is_current": current == Some(self.id),
        })
    }
}
